using System.Threading.Channels;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Tells a run when its execution's record may have changed (a cancel asked for, another holder's claim), so the run
/// reads the record then instead of every quarter second: a read deserialises the whole record (pipeline and
/// architectures), and on two cores a read beside training preempts one of libtorch's threads. Built on the store's
/// change feed, which tells this process's writes at once and other processes' where the store can (SQLite within a
/// second); a store without a feed, or whose feed cannot listen, is polled as before. A slow fallback read guards against a
/// feed that went quiet.
/// </summary>
internal sealed class ExecutionChanges : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Fallback = TimeSpan.FromSeconds(5);
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly string _executionId;
    private IDisposable? _subscription;

    private ExecutionChanges(string executionId) => _executionId = executionId;

    /// <summary>Starts listening for changes of <paramref name="executionId"/>'s record; polls when <paramref name="documents"/> has no feed.</summary>
    public static async Task<ExecutionChanges> ListenAsync(IDocumentStore documents, string executionId, CancellationToken cancellationToken)
    {
        var changes = new ExecutionChanges(executionId);
        if (documents is not IChangeFeed feed) return changes;
        try { changes._subscription = await feed.SubscribeAsync(changes.OnChange, cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException) { } // a feed that cannot listen: polled, as a store without one
        return changes;
    }

    /// <summary>Returns when the record may have changed since the last call, or when the fallback (or poll) interval passed.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_subscription == null ? Poll : Fallback);
        try
        {
            if (_subscription != null) await _signal.Reader.ReadAsync(timeout.Token);
            else await Task.Delay(Timeout.Infinite, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
    }

    public void Dispose() => _subscription?.Dispose();

    // Runs on the writer's thread for every change of the store: it only compares and signals.
    private void OnChange(StoreChange change)
    {
        if (change.Kind == ChangeKind.Everything || (change.Kind == ChangeKind.Execution && change.Id == _executionId && change.Source == Collections.Executions))
            _signal.Writer.TryWrite(true);
    }
}
