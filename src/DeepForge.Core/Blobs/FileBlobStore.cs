using System.Buffers;
using System.Security.Cryptography;
using DeepForge.Storage;

namespace DeepForge.Blobs;

/// <summary>
/// Blobs as files under blob.dir: <c>ab/abcdef…</c>, written to a temporary file, flushed to disk, made
/// read-only and renamed, so a reader never sees half a blob, not even after a power cut. A file is hashed
/// on its first read in this process (and again when its size or time changed): one whose bytes do not
/// match its name is moved to <c>quarantine/</c> and reported, never served.
/// </summary>
public sealed partial class FileBlobStore : IBlobStore, IBlobMaintenance
{
    private readonly string _root;
    private readonly string _incoming;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new();
    private readonly VerifiedBlobs _verified = new();

    private readonly SmallBlobs? _small;

    /// <summary>A store under <paramref name="root"/> (created readable by its owner only); with <paramref name="smallBlobStore"/>, small blobs are kept as documents there instead of as files.</summary>
    public FileBlobStore(string root, IDocumentStore? smallBlobStore = null)
    {
        _small = smallBlobStore == null ? null : new SmallBlobs(smallBlobStore);
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, "incoming");
        Configuration.PrivateFiles.CreateFolder(_root);
        Directory.CreateDirectory(_incoming);
    }

    /// <inheritdoc/>
    public Task<BlobInfo> WriteAsync(Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(write, null, cancellationToken);

    /// <inheritdoc/>
    public async Task<BlobInfo> PutAsync(Stream content, string? expectedHash = null, CancellationToken cancellationToken = default)
    {
        if (expectedHash != null) BlobHash.Require(expectedHash);
        var first = ArrayPool<byte>.Shared.Rent(PutChunkBytes);
        try
        {
            var length = await content.ReadAtLeastAsync(first.AsMemory(0, PutChunkBytes), PutChunkBytes, throwOnEndOfStream: false, cancellationToken);
            // Content that ended within the first chunk is small: kept in memory on its way, as WriteAsync keeps it.
            if (length < PutChunkBytes)
                return await WriteCoreAsync((s, ct) => s.WriteAsync(first.AsMemory(0, length), ct).AsTask(), expectedHash, cancellationToken);
            return await PutLargeAsync(content, first, expectedHash, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(first);
        }
    }

    private const int PutChunkBytes = 1 << 20;

    // Two chunks in turn: one is hashed and written to the temporary file on another thread while the next
    // arrives, so receiving, hashing and writing overlap. The hash is checked before anything is committed.
    private async Task<BlobInfo> PutLargeAsync(Stream content, byte[] first, string? expectedHash, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(_incoming, Guid.NewGuid().ToString("n"));
        var second = ArrayPool<byte>.Shared.Rent(PutChunkBytes);
        try
        {
            using var hashing = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            using (var file = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var (current, next, length) = (first, second, PutChunkBytes);
                while (length > 0)
                {
                    var (chunk, count, offset) = (current, length, size);
                    var stored = Task.Run(() =>
                    {
                        hashing.AppendData(chunk, 0, count);
                        RandomAccess.Write(file, chunk.AsSpan(0, count), offset);
                    }, CancellationToken.None);
                    int nextLength;
                    try
                    {
                        nextLength = count < PutChunkBytes ? 0
                            : await content.ReadAtLeastAsync(next.AsMemory(0, PutChunkBytes), PutChunkBytes, throwOnEndOfStream: false, cancellationToken);
                    }
                    finally
                    {
                        await stored; // never return a buffer, or close the file, under a chunk still being stored
                    }
                    size += count;
                    (current, next, length) = (next, current, nextLength);
                }
            }
            var hash = Convert.ToHexStringLower(hashing.GetHashAndReset());
            if (expectedHash != null && hash != expectedHash)
                throw new DeepForgeException("blob", $"content does not match its hash: expected {expectedHash}, got {hash}");
            Commit(temp, hash, size);
            return new BlobInfo(hash, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(second);
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    // The hash is checked before anything is committed, so content refused for its hash is never kept.
    private async Task<BlobInfo> WriteCoreAsync(Func<Stream, CancellationToken, Task> write, string? expectedHash, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(_incoming, Guid.NewGuid().ToString("n"));
        try
        {
            string hash;
            long size;
            ReadOnlyMemory<byte>? buffered;
            await using (var spill = new SpillStream(temp, SmallBlobBytes))
            await using (var hashing = new HashingStream(spill))
            {
                await write(hashing, cancellationToken);
                (hash, size, buffered) = (hashing.Hash(), hashing.Length64, spill.Buffered);
            }
            if (expectedHash != null && hash != expectedHash)
                throw new DeepForgeException("blob", $"content does not match its hash: expected {expectedHash}, got {hash}");
            if (buffered is { Length: <= SmallBlobs.MaxBytes } small && _small != null)
                await _small.PutAsync(hash, small, cancellationToken); // again when it exists: renews its time, so the collector leaves a blob just reused
            else if (!Renew(hash, size))
            {
                if (buffered is { } bytes) WriteSmall(temp, bytes.Span);
                Commit(temp, hash, size);
            }
            return new BlobInfo(hash, size);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private const int SmallBlobBytes = 1 << 20;

    private static void WriteSmall(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
        RandomAccess.Write(handle, bytes, 0);
    }

    /// <summary>Opens a blob; throws <see cref="BlobDamagedException"/> for a file whose bytes do not hash to its name.</summary>
    public async Task<Stream> OpenReadAsync(string hash, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(PathOf(hash));
        if (!file.Exists && _small != null && await _small.GetAsync(hash, cancellationToken) is { } bytes) return new MemoryStream(bytes, writable: false);
        if (!file.Exists) throw new DeepForgeException("blob", $"blob {hash} is missing from {_root}");
        Verify(hash, file);
        return new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    /// <summary>
    /// Reads a blob into a value with <paramref name="read"/> while its file is hashed beside the read: a file this
    /// process has not found whole yet is hashed on a second thread as it is read, and the value is returned only when the whole file hashed to its name
    /// (else it is disposed and <see cref="BlobDamagedException"/> thrown, as <see cref="OpenReadAsync"/> throws it).
    /// What operations' inputs and artifacts are read with.
    /// </summary>
    public Task<T> ReadOnceAsync<T>(string hash, Func<Stream, T> read, CancellationToken cancellationToken = default) =>
        CheckedBlobReads.ReadAsync(this, hash, read, cancellationToken);

    /// <summary>
    /// Opens a blob to be read once, whole: a file this process has not found whole yet is hashed beside the read, not
    /// before, and <see cref="CheckingReadStream.CompleteAsync"/> refuses it as <see cref="OpenReadAsync"/> would. Read it with
    /// <see cref="CheckedBlobReads"/>, which completes the check before the value is used.
    /// </summary>
    internal async Task<Stream> OpenReadOnceAsync(string hash, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(hash));
        if (!file.Exists || _verified.IsWhole(hash, file)) return await OpenReadAsync(hash, cancellationToken);
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return new CheckingReadStream(stream, actual =>
        {
            // The size and time seen before opening: a file changed since then is hashed again on its next read.
            if (actual == hash) _verified.Whole(hash, file);
            else throw new BlobDamagedException(hash, actual, Quarantine(hash, file.FullName));
        });
    }

    /// <summary>The blob's file, checked as <see cref="OpenReadAsync"/> checks it, or null when the blob is no file here.</summary>
    public string? VerifiedPath(string hash)
    {
        var file = new FileInfo(PathOf(hash));
        if (!file.Exists) return null;
        Verify(hash, file);
        return file.FullName;
    }

    /// <inheritdoc/>
    public async Task<bool> ExistsAsync(string hash, CancellationToken cancellationToken = default) =>
        BlobHash.IsValid(hash) && (File.Exists(PathOf(hash)) || (_small != null && await _small.ExistsAsync(hash, cancellationToken)));

    /// <inheritdoc/>
    public async Task<long?> SizeOfAsync(string hash, CancellationToken cancellationToken = default) =>
        !BlobHash.IsValid(hash) ? null
        : File.Exists(PathOf(hash)) ? new FileInfo(PathOf(hash)).Length
        : _small == null ? null
        : (await _small.GetAsync(hash, cancellationToken))?.Length;

    /// <summary>The blob's file, unchecked, or null when the blob is no file here (a small blob kept as a document); <see cref="VerifiedPath"/> checks its bytes first.</summary>
    public string? LocalPath(string hash) => BlobHash.IsValid(hash) && File.Exists(PathOf(hash)) ? PathOf(hash) : null;

    private string PathOf(string hash) => Path.Combine(_root, BlobHash.Require(hash)[..2], hash);

    // Flushed and read-only before the rename, and the folder flushed after it: the name never lands on the disk before the bytes.
    private void Commit(string temp, string hash, long size)
    {
        if (Renew(hash, size)) return;
        var target = PathOf(hash);
        var folder = Path.GetDirectoryName(target)!;
        if (!_folders.ContainsKey(hash[..2]))
        {
            Directory.CreateDirectory(folder);
            _folders[hash[..2]] = true;
        }
        DurableFiles.Flush(temp);
        DurableFiles.MakeReadOnly(temp);
        if (File.Exists(target)) Quarantine(hash, target); // of another size: damaged, and these bytes heal it
        try { File.Move(temp, target); }
        catch (IOException) when (File.Exists(target)) { return; } // another writer stored the same bytes first
        DurableFiles.FlushFolder(folder);
        _verified.Whole(hash, new FileInfo(target));
    }
}
