using DeepForge.Runner.Protocol;

namespace DeepForge.Dispatch;

/// <summary>Timings of the job queue; the server sets them from its options.</summary>
public sealed class JobQueueOptions
{
    /// <summary>How long a lease lasts without a heartbeat.</summary>
    public TimeSpan LeaseDuration { get; set; } = RunnerProtocol.DefaultLease;

    /// <summary>How many leases of one job may expire before it fails.</summary>
    public int MaxAttempts { get; set; } = RunnerProtocol.DefaultMaxAttempts;

    /// <summary>The longest a lease request waits for a job.</summary>
    public TimeSpan LongPoll { get; set; } = RunnerProtocol.LongPoll;

    /// <summary>
    /// How often a waiter looks at the store for what another server did (a job enqueued or finished
    /// there); what this process does wakes waiters at once.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often expired leases are looked for: a quarter of a lease, at most a second, so a lost job is queued again soon after its lease ends.</summary>
    public TimeSpan SweepInterval => TimeSpan.FromTicks(Math.Clamp(LeaseDuration.Ticks / 4, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromSeconds(1).Ticks));

    /// <summary>
    /// A gap between successful sweeps longer than this means the store (or this process) stalled: no
    /// heartbeat could be stored either, so leases are extended rather than expired. Four sweeps, or a
    /// quarter of a lease when that is longer, so an ordinary slow sweep is no stall.
    /// </summary>
    public TimeSpan StallAfter => TimeSpan.FromTicks(Math.Max(SweepInterval.Ticks * 4, LeaseDuration.Ticks / 4));

    /// <summary>A runner not heard from for this long counts as gone: an idle one asks again after each long-poll.</summary>
    public TimeSpan RunnerTimeout => LongPoll + LeaseDuration * 2;
}
