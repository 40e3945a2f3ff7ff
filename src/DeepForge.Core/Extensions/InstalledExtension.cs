namespace DeepForge.Extensions;

/// <summary>An extension package installed in a data folder, as recorded in <c>extensions.json</c>.</summary>
public sealed record InstalledExtension
{
    /// <summary>The package id.</summary>
    public required string Id { get; init; }

    /// <summary>The package version.</summary>
    public required string Version { get; init; }

    /// <summary>Where it came from: a package source, a .nupkg file or a folder.</summary>
    public string? Source { get; init; }

    /// <summary>When it was installed (UTC).</summary>
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>The folder of its assemblies, relative to the data folder (loaded as a plugin folder).</summary>
    public required string PluginDirectory { get; init; }

    /// <summary>Folders of seeds it carries, relative to the data folder (one sub-folder per seed).</summary>
    public IReadOnlyList<string> SeedDirectories { get; init; } = [];

    /// <summary>Its plugin assemblies (those referencing DeepForge.Core), by file name.</summary>
    public IReadOnlyList<string> Assemblies { get; init; } = [];

    /// <summary>Packages installed with it (id/version), other than those the host ships.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];
}
