namespace DeepForge.Extensions;

/// <summary>An installed extension as an extensions page shows it: its package and what it carries.</summary>
public sealed record ExtensionInfo
{
    /// <summary>The package id.</summary>
    public required string Id { get; init; }

    /// <summary>The package version.</summary>
    public required string Version { get; init; }

    /// <summary>Where it was installed from: a package source, a .nupkg file or a folder.</summary>
    public string? Source { get; init; }

    /// <summary>When it was installed (UTC).</summary>
    public DateTimeOffset InstalledAt { get; init; }

    /// <summary>The names of its operations.</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];

    /// <summary>The names of its custom layers.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>The data types it knows how to store (those it has a serializer for).</summary>
    public IReadOnlyList<string> DataTypes { get; init; } = [];

    /// <summary>The names of the seeds it adds.</summary>
    public IReadOnlyList<string> Seeds { get; init; } = [];

    /// <summary>Packages installed with it (id/version).</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>Whether the running host has loaded it; false until the next start for one installed since.</summary>
    public bool Loaded { get; init; }

    /// <summary>Why its contents could not be read (its folder is missing, say), or null.</summary>
    public string? Problem { get; init; }
}
