namespace DeepForge.Dispatch;

/// <summary>
/// When the lease sweeper last found the store taking writes. Lease time counts only between two such
/// sweeps close enough together: a longer gap is time in which the server itself could not store a
/// heartbeat (a locked store, a paused process), and it is never held against a worker.
/// </summary>
internal sealed class SweepClock
{
    private long _lastTicks = -1;

    /// <summary>The last sweep that found the store taking writes, or null before the first.</summary>
    public DateTimeOffset? Last => Interlocked.Read(ref _lastTicks) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Records a sweep that found the store taking writes (and, after a stall, gave the leases their time back).</summary>
    public void Record(DateTimeOffset at) => Interlocked.Exchange(ref _lastTicks, at.UtcTicks);

    /// <summary>
    /// Whether the store may be stalling now, or has just come back and no sweep has yet given the leases
    /// the time back: the last good sweep is longer ago than <paramref name="stallAfter"/>. False before the first sweep.
    /// </summary>
    public bool StallNoted(DateTimeOffset now, TimeSpan stallAfter) => Last is { } last && now - last > stallAfter;
}
