namespace DeepForge.Dispatch;

/// <summary>
/// When the lease sweeper last found the store taking writes. Lease time counts only between two such
/// sweeps close enough together: a longer gap is time in which the server itself could not store a
/// heartbeat (a locked store, a paused process), and it is never held against a worker.
/// </summary>
/// <param name="started">
/// When the queue started. It counts as a good sweep: without it a stall that began before the first sweep
/// went unnoticed (there was nothing to measure the gap from), and the sweep after it took leases away.
/// </param>
internal sealed class SweepClock(DateTimeOffset started)
{
    private long _lastTicks = started.UtcTicks;

    /// <summary>The last sweep that found the store taking writes (at first, when the queue started).</summary>
    public DateTimeOffset Last => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    /// <summary>Records a sweep that found the store taking writes (and, after a stall, gave the leases their time back).</summary>
    public void Record(DateTimeOffset at) => Interlocked.Exchange(ref _lastTicks, at.UtcTicks);

    /// <summary>
    /// Whether the store may be stalling now, or has just come back and no sweep has yet given the leases
    /// the time back: the last good sweep is longer ago than <paramref name="stallAfter"/>.
    /// </summary>
    public bool StallNoted(DateTimeOffset now, TimeSpan stallAfter) => now - Last > stallAfter;
}
