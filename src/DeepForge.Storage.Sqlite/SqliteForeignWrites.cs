using Microsoft.Extensions.Logging;

namespace DeepForge.Storage.Sqlite;

/// <summary>
/// Notices writes of other processes to the store's file: SQLite raises <c>PRAGMA data_version</c> of a connection
/// when another connection committed, which costs one cheap read a second. SQLite cannot say what they wrote, so a
/// move becomes <see cref="StoreChange.Everything"/>. Runs only once someone subscribed, until the store is disposed.
/// </summary>
internal sealed class SqliteForeignWrites(Func<CancellationToken, Task<long>> readVersion, ChangeBroadcast changes, ILogger logger) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _lock = new();
    private Task? _baseline;

    /// <summary>Starts watching (once); completes when the file's version stands read, so any later foreign write is noticed.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_lock) _baseline ??= StartWatchingAsync(_stopping.Token);
        return _baseline.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested) _stopping.Cancel();
    }

    private async Task StartWatchingAsync(CancellationToken cancellationToken)
    {
        long? seen = null;
        try { seen = await readVersion(cancellationToken).ConfigureAwait(false); }
        catch (Exception ex) when (ex is not OperationCanceledException and not ObjectDisposedException) { SqliteStoreLog.ForeignWritesUnreadable(logger, ex); }

        _ = WatchAsync(seen, cancellationToken);
    }

    private async Task WatchAsync(long? seen, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!changes.HasSubscribers) continue;
                try
                {
                    var version = await readVersion(cancellationToken).ConfigureAwait(false);
                    if (seen != null && version != seen) changes.Publish(StoreChange.Everything);
                    seen = version;
                }
                catch (ObjectDisposedException) { return; }
                catch (Exception ex) when (ex is not OperationCanceledException) { SqliteStoreLog.ForeignWritesUnreadable(logger, ex); }
            }
        }
        catch (OperationCanceledException) { }
    }
}
