namespace DeepForge.Blobs;

// Checking, quarantine and collection of blob files (the reading and writing are in FileBlobStore.cs).
public sealed partial class FileBlobStore
{
    /// <summary>Where damaged blob files are moved, so a new upload of the right bytes can take their place.</summary>
    public string QuarantineDirectory => Path.Combine(_root, "quarantine");

    /// <summary>Every stored blob with its size and last write time, files and small blobs in the document store alike: what <see cref="BlobCollector"/> sweeps.</summary>
    public async Task<IReadOnlyList<StoredBlob>> ListAsync(CancellationToken cancellationToken)
    {
        var blobs = new List<StoredBlob>();
        foreach (var folder in Directory.EnumerateDirectories(_root).Where(f => Path.GetFileName(f) is { Length: 2 } name && BlobHash.IsValid(name + new string('0', 62))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                var file = new FileInfo(path);
                if (BlobHash.IsValid(file.Name) && file.Exists) blobs.Add(new StoredBlob(file.Name, file.Length, file.LastWriteTimeUtc));
            }
        }
        if (_small != null) blobs.AddRange(await _small.ListAsync(cancellationToken));
        return blobs;
    }

    /// <summary>Deletes the blob unless it was written or stored again at or after <paramref name="notModifiedSince"/> (looked at again just before deleting); true when it was deleted.</summary>
    public async Task<bool> TryDeleteAsync(string hash, DateTimeOffset notModifiedSince, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(hash));
        if (!file.Exists) return _small != null && await _small.TryDeleteAsync(hash, notModifiedSince, cancellationToken);
        // Looked at again just before deleting: a blob stored again since the listing has a new time and stays.
        if (file.LastWriteTimeUtc >= notModifiedSince.UtcDateTime) return false;
        file.Delete();
        _verified.Forget(hash);
        return true;
    }

    /// <summary>Reads and hashes every blob again (<c>deepforge blobs verify</c>); the damaged ones are moved to <see cref="QuarantineDirectory"/> and returned.</summary>
    public async Task<IReadOnlyList<DamagedBlob>> VerifyAllAsync(CancellationToken cancellationToken)
    {
        var damaged = new List<DamagedBlob>();
        foreach (var blob in await ListAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                _verified.Forget(blob.Hash); // every blob is read again: that is what was asked for
                await using var _ = await OpenReadAsync(blob.Hash, cancellationToken);
            }
            catch (BlobDamagedException e)
            {
                damaged.Add(new DamagedBlob(e.Hash, e.ActualHash, e.MovedTo));
            }
            catch (DeepForgeException) { } // deleted since the listing
        }
        return damaged;
    }

    private void Verify(string hash, FileInfo file)
    {
        if (_verified.Check(hash, file) is not { } actual) return;
        throw new BlobDamagedException(hash, actual, Quarantine(hash, file.FullName));
    }

    // Stored again: the same bytes are there already (same size; their hash is checked on read), so only the time is renewed.
    private bool Renew(string hash, long size)
    {
        var file = new FileInfo(PathOf(hash));
        if (!file.Exists || file.Length != size) return false;
        var before = file.LastWriteTimeUtc;
        try { File.SetLastWriteTimeUtc(file.FullName, DateTime.UtcNow); }
        catch (IOException) { return true; } // someone else's file on a shared folder: it stays as it is
        catch (UnauthorizedAccessException) { return true; }
        _verified.Renewed(hash, size, before, new FileInfo(file.FullName).LastWriteTimeUtc);
        return true;
    }

    private string? Quarantine(string hash, string path)
    {
        _verified.Forget(hash);
        Directory.CreateDirectory(QuarantineDirectory);
        var target = Path.Combine(QuarantineDirectory, $"{hash}.{DateTime.UtcNow:yyyyMMddTHHmmssfff}.{Guid.NewGuid().ToString("n")[..8]}");
        try
        {
            File.Move(path, target);
            return target;
        }
        catch (FileNotFoundException) { return null; } // another reader moved it first
        catch (DirectoryNotFoundException) { return null; }
    }
}
