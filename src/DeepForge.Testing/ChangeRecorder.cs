using System.Collections.Concurrent;
using DeepForge.Storage;
using Xunit;

namespace DeepForge.Testing;

/// <summary>Subscribes to an <see cref="IChangeFeed"/> and keeps every change it hears, for tests to wait on.</summary>
public sealed class ChangeRecorder : IDisposable
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<StoreChange> _all = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private IDisposable? _subscription;

    private ChangeRecorder()
    {
    }

    /// <summary>Every change heard so far, oldest first.</summary>
    public IReadOnlyList<StoreChange> All => [.. _all];

    /// <summary>Subscribes to <paramref name="feed"/>; returns once the feed listens.</summary>
    public static async Task<ChangeRecorder> StartAsync(IChangeFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var recorder = new ChangeRecorder();
        recorder._subscription = await feed.SubscribeAsync(recorder.Add);
        return recorder;
    }

    /// <summary>Waits until <paramref name="expected"/> was heard; fails the test, naming what was heard, when it is not within <paramref name="patience"/> (10 s).</summary>
    public Task WaitForAsync(StoreChange expected, TimeSpan? patience = null) =>
        WaitForAsync(c => c == expected, expected.ToString(), patience);

    /// <summary>Waits until a change that <paramref name="matches"/> was heard; fails the test when none is within <paramref name="patience"/> (10 s).</summary>
    public async Task WaitForAsync(Func<StoreChange, bool> matches, string what, TimeSpan? patience = null)
    {
        var wait = patience ?? DefaultPatience;
        var until = DateTime.UtcNow + wait;
        while (!_all.Any(matches))
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                Assert.Fail($"no change {what} within {wait.TotalSeconds} s; heard: {string.Join(", ", _all)}");
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _subscription?.Dispose();

    private void Add(StoreChange change)
    {
        _all.Enqueue(change);
        _arrived.Release();
    }
}
