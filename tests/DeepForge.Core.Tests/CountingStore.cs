using DeepForge.Storage;

namespace DeepForge.Core.Tests;

/// <summary>
/// The engine's real store with a count of reads of one collection (its feed passed through, or refusing to listen when
/// <paramref name="feedFails"/>), to see how often a run reads and what it does without a feed.
/// </summary>
internal sealed class CountingStore(IDocumentStore inner, string counted, bool feedFails = false) : DelegatingStore(inner), IChangeFeed
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public override Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        if (collection == counted) Interlocked.Increment(ref _reads);
        return Inner.GetAsync(collection, id, cancellationToken);
    }

    public Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default) => feedFails
        ? Task.FromException<IDisposable>(new InvalidOperationException("this feed cannot listen"))
        : ((IChangeFeed)Inner).SubscribeAsync(onChange, cancellationToken);
}
