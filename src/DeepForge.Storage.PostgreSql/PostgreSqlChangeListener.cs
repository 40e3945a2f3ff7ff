using Microsoft.Extensions.Logging;
using Npgsql;

namespace DeepForge.Storage.PostgreSql;

/// <summary>
/// The one listening connection of a store: <c>LISTEN</c> on its channel, each notification published to the
/// store's subscribers. Started by the first subscriber. A dropped connection is opened again after a short wait,
/// and since notifications sent meanwhile are lost, <see cref="StoreChange.Everything"/> is published once it
/// listens again. A quiet connection is probed now and then, so a silently dead one is noticed.
/// </summary>
internal sealed class PostgreSqlChangeListener(NpgsqlDataSource dataSource, string channel, ChangeBroadcast changes, ILogger logger) : IDisposable
{
    private static readonly TimeSpan ProbeAfter = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>
    /// Starts listening (once) and completes when the connection first listens, so a change written after that
    /// reaches subscribers; or when the first attempt failed, since the database being away must not hold a page up
    /// (it hears <see cref="StoreChange.Everything"/> once the feed listens).
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) _ = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return _listening.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested) _stopping.Cancel();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var lost = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(lost, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { return; }
            catch (ObjectDisposedException) { return; }
            catch (Exception ex)
            {
                lost = true;
                _listening.TrySetResult();
                PostgreSqlStoreLog.ListenerLost(logger, ex.Message, ex);
                try { await Task.Delay(RetryAfter, cancellationToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task ListenAsync(bool recovering, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        connection.Notification += (_, e) => changes.Publish(PostgreSqlChangeMessages.Decode(e.Payload));
        await using (var listen = new NpgsqlCommand(PostgreSqlChangeMessages.Listen(channel), connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        _listening.TrySetResult();
        if (recovering)
        {
            PostgreSqlStoreLog.ListenerBack(logger);
            changes.Publish(StoreChange.Everything);
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await connection.WaitAsync(ProbeAfter, cancellationToken).ConfigureAwait(false))
            {
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
