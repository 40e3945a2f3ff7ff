namespace DeepForge.Server.Api.Status;

/// <summary>Jobs waiting for a worker: how many, and since when the oldest waits (null when none does).</summary>
internal sealed record StatusQueueView(int Waiting, DateTimeOffset? OldestEnqueuedAt, double? OldestWaitSeconds);
