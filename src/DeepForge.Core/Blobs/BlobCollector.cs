using DeepForge.Storage;

namespace DeepForge.Blobs;

/// <summary>
/// Frees blobs nothing refers to: marks every hash the store's documents (and the process's <see cref="IBlobRoots"/>)
/// name, then deletes the other blobs last stored before the grace period began. The grace period covers a
/// blob uploaded for something not yet saved (an input of a run being created, an output before its job
/// completes); storing a blob again renews its time, so one reused just after the marking is not freed.
/// Deleting artifacts, executions or projects never deletes blobs itself: this is the one place that does.
/// </summary>
public sealed class BlobCollector(IBlobStore blobs, DeepForgeStore store, IEnumerable<IBlobRoots> roots)
{
    /// <summary>Frees the unreferenced blobs last stored before <paramref name="gracePeriod"/> ago and reports what was freed, kept and left as too young; a store without maintenance frees nothing.</summary>
    public async Task<BlobCollection> CollectAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, TimeSpan.Zero); // a negative period would free blobs uploaded a moment ago
        if (blobs is not IBlobMaintenance maintenance) return new BlobCollection([], 0, 0);
        // The cut-off is taken before the marking: a blob stored while the documents are read is younger and stays.
        var cutoff = DateTimeOffset.UtcNow - gracePeriod;
        var referenced = await BlobReferences.FindAsync(store.Documents, roots, cancellationToken);
        var (freed, kept, young) = (new List<BlobInfo>(), 0, 0);
        foreach (var blob in await maintenance.ListAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (referenced.Contains(blob.Hash)) kept++;
            else if (blob.ModifiedAt >= cutoff || !await maintenance.TryDeleteAsync(blob.Hash, cutoff, cancellationToken)) young++;
            else freed.Add(new BlobInfo(blob.Hash, blob.Size));
        }
        return new BlobCollection(freed, kept, young);
    }

    /// <summary>The blobs collection would free once they are old enough: those no stored document or root names (the same marking as <see cref="CollectAsync"/>).</summary>
    public async Task<IReadOnlyList<BlobInfo>> UnreferencedAsync(CancellationToken cancellationToken)
    {
        if (blobs is not IBlobMaintenance maintenance) return [];
        var referenced = await BlobReferences.FindAsync(store.Documents, roots, cancellationToken);
        return (await maintenance.ListAsync(cancellationToken)).Where(b => !referenced.Contains(b.Hash)).Select(b => new BlobInfo(b.Hash, b.Size)).ToList();
    }

    /// <summary>Hashes every blob; the damaged ones are moved aside and returned.</summary>
    public async Task<IReadOnlyList<DamagedBlob>> VerifyAsync(CancellationToken cancellationToken) =>
        blobs is IBlobMaintenance maintenance ? await maintenance.VerifyAllAsync(cancellationToken) : [];
}
