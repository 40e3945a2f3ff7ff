namespace DeepForge.Designer.Workers;

/// <summary>The workers and the waiting jobs, as read at one moment.</summary>
internal sealed record WorkerSnapshot(IReadOnlyList<WorkerRow> Workers, IReadOnlyList<WaitingJob> Waiting, DateTimeOffset ReadAt);
