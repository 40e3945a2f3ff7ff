namespace DeepForge.Api;

/// <summary>Jobs waiting for a worker: how many, and since when the oldest waits (null when none does).</summary>
public sealed record StatusQueueView(int Waiting, DateTimeOffset? OldestEnqueuedAt, double? OldestWaitSeconds);
