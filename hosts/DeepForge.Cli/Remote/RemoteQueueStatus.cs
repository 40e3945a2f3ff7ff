namespace DeepForge.Cli.Remote;

/// <summary>The jobs of <see cref="RemoteStatus"/> waiting for a worker, and how long the oldest has waited.</summary>
internal sealed record RemoteQueueStatus(int Waiting, DateTimeOffset? OldestEnqueuedAt, double? OldestWaitSeconds);
