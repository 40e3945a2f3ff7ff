namespace DeepForge.Storage;

/// <summary>
/// Tells this process of changes to the store, made by this process or (where the store can tell) by any other
/// process on the same store, so that pages redraw when something changed instead of polling. Every change of a
/// write stored after <see cref="SubscribeAsync"/> returned reaches the subscriber at least once; a feed that lost
/// track (its connection dropped, another process wrote where the store cannot say what) sends
/// <see cref="StoreChange.Everything"/>.
/// </summary>
public interface IChangeFeed
{
    /// <summary>
    /// Calls <paramref name="onChange"/> for every change from now on until the returned handle is disposed; returns
    /// once the feed listens, so a page that reads its state after this misses nothing. The handler runs on the
    /// feed's thread: it must not block (hand the work to the page's own dispatcher) and what it throws is dropped.
    /// </summary>
    Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default);
}
