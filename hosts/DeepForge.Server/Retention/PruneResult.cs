namespace DeepForge.Server.Retention;

/// <summary>What one pruning pass removed: job records, and the executions whose log and feedback went.</summary>
internal sealed record PruneResult(int JobRecords, int ExecutionLogs);
