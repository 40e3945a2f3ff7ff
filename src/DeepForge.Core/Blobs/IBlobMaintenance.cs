namespace DeepForge.Blobs;

/// <summary>What the collector and <c>deepforge blobs verify</c> need of a blob store beyond reading and writing.</summary>
internal interface IBlobMaintenance
{
    /// <summary>Every stored blob, files and small blobs alike.</summary>
    Task<IReadOnlyList<StoredBlob>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the blob unless it was written or stored again at or after <paramref name="notModifiedSince"/>; true when it was deleted.</summary>
    Task<bool> TryDeleteAsync(string hash, DateTimeOffset notModifiedSince, CancellationToken cancellationToken);

    /// <summary>Hashes every blob; damaged ones are moved aside and returned.</summary>
    Task<IReadOnlyList<DamagedBlob>> VerifyAllAsync(CancellationToken cancellationToken);
}
