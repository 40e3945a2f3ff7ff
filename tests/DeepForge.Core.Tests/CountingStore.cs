using DeepForge.Storage;

namespace DeepForge.Core.Tests;

/// <summary>
/// The engine's real store with a count of reads of one collection (its feed passed through, or refusing to listen when
/// <paramref name="feedFails"/>), to see how often a run reads and what it does without a feed.
/// </summary>
internal sealed class CountingStore(IDocumentStore inner, string counted, bool feedFails = false) : IDocumentStore, IChangeFeed
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        if (collection == counted) Interlocked.Increment(ref _reads);
        return inner.GetAsync(collection, id, cancellationToken);
    }

    public Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default) => feedFails
        ? Task.FromException<IDisposable>(new InvalidOperationException("this feed cannot listen"))
        : ((IChangeFeed)inner).SubscribeAsync(onChange, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, partition, cancellationToken);

    public Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default) =>
        inner.PutAsync(collection, id, partition, json, expectedVersion, cancellationToken);

    public Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) => inner.PutManyAsync(writes, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) => inner.DeleteAsync(collection, id, cancellationToken);

    public Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default) => inner.AppendAsync(stream, entries, cancellationToken);

    public Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(stream, afterSequence, max, cancellationToken);

    public Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeleteStreamsAsync(prefix, cancellationToken);
}
