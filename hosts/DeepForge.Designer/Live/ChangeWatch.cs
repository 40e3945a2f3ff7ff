using DeepForge.Storage;

namespace DeepForge.Designer.Live;

/// <summary>
/// A page's subscription to the store's change feed: each change the page cares about asks for one refresh, and
/// changes that arrive while a refresh runs ask for one more after it (never two at once, never one lost), so a
/// burst of feedback points costs a page a few reads, not one per point.
/// </summary>
internal sealed class ChangeWatch : IDisposable
{
    private readonly Func<StoreChange, bool> _concerns;
    private readonly Func<Task> _refresh;
    private IDisposable? _subscription;
    private int _dirty;
    private int _running;
    private volatile bool _disposed;

    private ChangeWatch(Func<StoreChange, bool> concerns, Func<Task> refresh) => (_concerns, _refresh) = (concerns, refresh);

    /// <summary>
    /// Subscribes; returns once the feed listens, so state the page reads after this is never older than the
    /// changes it will hear. <paramref name="refresh"/> is the page's own (run it through its dispatcher).
    /// </summary>
    public static async Task<ChangeWatch> StartAsync(IChangeFeed feed, Func<StoreChange, bool> concerns, Func<Task> refresh, CancellationToken cancellationToken)
    {
        var watch = new ChangeWatch(concerns, refresh);
        watch._subscription = await feed.SubscribeAsync(watch.OnChange, cancellationToken);
        return watch;
    }

    /// <summary>Asks for a refresh as a change would (after the page acted itself, say).</summary>
    public void Poke()
    {
        if (_disposed || Interlocked.Exchange(ref _dirty, 1) == 1) return;
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0) _ = RunAsync();
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }

    private void OnChange(StoreChange change)
    {
        if (_concerns(change)) Poke();
    }

    private async Task RunAsync()
    {
        try
        {
            while (!_disposed && Interlocked.Exchange(ref _dirty, 0) == 1)
            {
                // A failed refresh (a busy store, a circuit going away) waits for the next change rather than stopping the watch.
                try { await _refresh(); }
                catch (Exception) when (!_disposed) { }
            }
        }
        catch (Exception) { }
        finally
        {
            Volatile.Write(ref _running, 0);
            // A change that came after the loop's last look and before this: it must not wait for yet another change.
            if (Volatile.Read(ref _dirty) == 1 && !_disposed && Interlocked.CompareExchange(ref _running, 1, 0) == 0) _ = RunAsync();
        }
    }
}
