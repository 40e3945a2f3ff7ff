namespace DeepForge.Blobs;

/// <summary>
/// A stored blob whose bytes no longer hash to its name (a torn write, a disk fault, someone editing the file).
/// It is never served as good: the damaged file is moved aside, so uploading the right bytes again heals it.
/// </summary>
public sealed class BlobDamagedException : IOException
{
    /// <summary>Makes the error for a blob and what its bytes hash to now.</summary>
    public BlobDamagedException(string hash, string actualHash, string? movedTo)
        : base($"blob {hash} is damaged: its bytes hash to {actualHash}"
            + (movedTo == null ? "" : $"; the damaged file was moved to {movedTo}")
            + "; upload the original data again to restore it")
    {
        Hash = hash;
        ActualHash = actualHash;
        MovedTo = movedTo;
    }

    /// <summary>The blob's name: the sha256 its bytes had when stored.</summary>
    public string Hash { get; }

    /// <summary>What the bytes hash to now.</summary>
    public string ActualHash { get; }

    /// <summary>Where the damaged file went (the quarantine folder), or null when it was kept in the document store.</summary>
    public string? MovedTo { get; }
}
