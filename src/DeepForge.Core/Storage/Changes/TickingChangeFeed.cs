namespace DeepForge.Storage;

/// <summary>
/// The feed of a store that offers none of its own (a store of another package): it tells
/// <see cref="StoreChange.Everything"/> every second while anyone listens, which is the polling pages did before
/// stores had feeds.
/// </summary>
internal sealed class TickingChangeFeed : IChangeFeed, IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly ChangeBroadcast _broadcast = new();
    private readonly Timer _timer;

    public TickingChangeFeed() => _timer = new Timer(_ => { if (_broadcast.HasSubscribers) _broadcast.Publish(StoreChange.Everything); }, null, Interval, Interval);

    public Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default) =>
        _broadcast.SubscribeAsync(onChange, cancellationToken);

    public void Dispose() => _timer.Dispose();
}
