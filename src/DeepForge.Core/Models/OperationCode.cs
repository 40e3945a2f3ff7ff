namespace DeepForge.Models;

/// <summary>
/// What an operation's cached outputs depend on in code: the files that declare it, the files of the project types it
/// uses (each with a hash of its declarations, comments and whitespace left out), and the libraries it uses.
/// </summary>
public sealed record OperationCode
{
    /// <summary>Source path to hash, for the files that declare the operation itself.</summary>
    public Dictionary<string, string> OwnFiles { get; init; } = new();

    /// <summary>Source path to hash, for the files of project types the operation uses, transitively.</summary>
    public Dictionary<string, string> UsedFiles { get; init; } = new();

    /// <summary>Assembly name to module version id, for the plugins, extensions and libraries the operation uses.</summary>
    public Dictionary<string, string> Assemblies { get; init; } = new();
}
