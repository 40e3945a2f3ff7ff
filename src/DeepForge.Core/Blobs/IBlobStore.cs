namespace DeepForge.Blobs;

/// <summary>Content-addressed storage: data is named by the sha256 of its bytes.</summary>
public interface IBlobStore
{
    /// <summary>Stores what the callback writes and returns its hash and size.</summary>
    Task<BlobInfo> WriteAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default);

    /// <summary>Stores a stream; when <paramref name="expectedHash"/> is given, content of another hash is refused and nothing is kept.</summary>
    Task<BlobInfo> PutAsync(Stream content, string? expectedHash = null, CancellationToken cancellationToken = default);

    /// <summary>Opens a blob for reading; throws <see cref="DeepForgeException"/> when it is missing.</summary>
    Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>Whether the blob exists.</summary>
    Task<bool> ExistsAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>The size, or null when missing.</summary>
    Task<long?> SizeOfAsync(string hash, CancellationToken cancellationToken = default);

    /// <summary>The blob's file when the store keeps blobs as local files, else null.</summary>
    string? LocalPath(string hash);
}
