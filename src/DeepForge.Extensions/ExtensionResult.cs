namespace DeepForge.Extensions;

/// <summary>What an install or removal did: done with a message, or refused with the reason.</summary>
public sealed record ExtensionResult
{
    /// <summary>Whether it was done.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>What was done, or why it was refused, naming the package and what was wrong.</summary>
    public required string Message { get; init; }

    /// <summary>The extension installed (after an install), or null.</summary>
    public ExtensionInfo? Extension { get; init; }

    /// <summary>Progress lines of the installer (downloads, dependencies).</summary>
    public IReadOnlyList<string> Log { get; init; } = [];

    /// <summary>A success.</summary>
    public static ExtensionResult Done(string message, ExtensionInfo? extension = null, IReadOnlyList<string>? log = null) =>
        new() { Succeeded = true, Message = message, Extension = extension, Log = log ?? [] };

    /// <summary>A refusal.</summary>
    public static ExtensionResult Refused(string message, IReadOnlyList<string>? log = null) =>
        new() { Succeeded = false, Message = message, Log = log ?? [] };
}
