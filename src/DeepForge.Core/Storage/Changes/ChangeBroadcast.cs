namespace DeepForge.Storage;

/// <summary>
/// The subscribers of a feed and the one way to tell them a change: stores hold one and publish to it after each
/// write (or when their database tells them of another process's). Safe for concurrent publishers and subscribers;
/// a handler that throws does not keep the change from the others.
/// </summary>
/// <param name="listen">
/// Called on every subscription and awaited before it returns: a store starts listening to its database here (once;
/// later calls only wait until it listens), so nothing listens while nobody subscribed.
/// </param>
public sealed class ChangeBroadcast(Func<CancellationToken, Task>? listen = null) : IChangeFeed
{
    private readonly object _lock = new();
    private Action<StoreChange>[] _handlers = [];

    /// <summary>True while anyone is subscribed.</summary>
    public bool HasSubscribers => Volatile.Read(ref _handlers).Length > 0;

    /// <inheritdoc />
    public async Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        lock (_lock) _handlers = [.. _handlers, onChange];
        var subscription = new Subscription(this, onChange);
        if (listen == null) return subscription;
        try
        {
            await listen(cancellationToken).ConfigureAwait(false);
            return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <summary>Tells every subscriber of <paramref name="change"/>; nothing when it is null.</summary>
    public void Publish(StoreChange? change)
    {
        if (change == null) return;
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            // A page's handler failing (its circuit gone, say) must not keep the change from the other pages.
            try { handler(change); }
            catch (Exception) { }
        }
    }

    private void Unsubscribe(Action<StoreChange> onChange)
    {
        lock (_lock)
        {
            var index = Array.IndexOf(_handlers, onChange);
            if (index >= 0) _handlers = [.. _handlers[..index], .. _handlers[(index + 1)..]];
        }
    }

    private sealed class Subscription(ChangeBroadcast owner, Action<StoreChange> onChange) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Unsubscribe(onChange);
        }
    }
}
