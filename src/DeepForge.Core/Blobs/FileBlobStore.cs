namespace DeepForge.Blobs;

/// <summary>Blobs as files under blob.dir: <c>ab/abcdef…</c>, written to a temporary file and renamed, so a reader never sees half a blob.</summary>
internal sealed class FileBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _incoming;

    public FileBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, "incoming");
        Directory.CreateDirectory(_incoming);
    }

    public Task<BlobInfo> WriteAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(write, null, cancellationToken);

    public async Task<BlobInfo> PutAsync(Stream content, string? expectedHash = null, CancellationToken cancellationToken = default)
    {
        if (expectedHash != null) BlobHash.Require(expectedHash);
        return await WriteCoreAsync((s, ct) => content.CopyToAsync(s, 1 << 20, ct), expectedHash, cancellationToken);
    }

    // The hash is checked before the temporary file is committed, so content refused for its hash is never kept.
    private async Task<BlobInfo> WriteCoreAsync(Func<Stream, CancellationToken, Task> write, string? expectedHash, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(_incoming, Guid.NewGuid().ToString("n"));
        try
        {
            string hash;
            long size;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false))
            await using (var hashing = new HashingStream(file))
            {
                await write(hashing, cancellationToken);
                (hash, size) = (hashing.Hash(), hashing.Length64);
            }
            if (expectedHash != null && hash != expectedHash)
                throw new DeepForgeException("blob", $"content does not match its hash: expected {expectedHash}, got {hash}");
            Commit(temp, hash);
            return new BlobInfo(hash, size);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public Stream OpenRead(string hash)
    {
        var path = PathOf(hash);
        if (!File.Exists(path)) throw new DeepForgeException("blob", $"blob {hash} is missing from {_root}");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    public bool Exists(string hash) => BlobHash.IsValid(hash) && File.Exists(PathOf(hash));

    public long? SizeOf(string hash) => Exists(hash) ? new FileInfo(PathOf(hash)).Length : null;

    public string? LocalPath(string hash) => Exists(hash) ? PathOf(hash) : null;

    private string PathOf(string hash) => Path.Combine(_root, BlobHash.Require(hash)[..2], hash);

    private void Commit(string temp, string hash)
    {
        var target = PathOf(hash);
        if (File.Exists(target)) return; // same content is already there
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try { File.Move(temp, target); }
        catch (IOException) when (File.Exists(target)) { } // another writer stored the same bytes first
    }
}
