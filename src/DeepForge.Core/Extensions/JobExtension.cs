namespace DeepForge.Extensions;

/// <summary>
/// An extension a job needs, as a server hands it to workers: its id and version, and the blob (a zip
/// of its assembly folder) the worker unpacks into <c>worker.cache.dir/extensions/&lt;id&gt;/&lt;version&gt;/</c>.
/// </summary>
public sealed record JobExtension
{
    /// <summary>The package id.</summary>
    public required string Id { get; init; }

    /// <summary>The package version.</summary>
    public required string Version { get; init; }

    /// <summary>The sha256 of the zip of its assembly folder, in the server's blob store.</summary>
    public required string Blob { get; init; }

    /// <summary>The zip's size in bytes.</summary>
    public long Size { get; init; }
}
