namespace DeepForge.Server.Api.Runners;

/// <summary>A job a runner holds now.</summary>
internal sealed record RunnerJobView(string JobId, string ExecutionId, string NodeId, string Operation, int Attempt, DateTimeOffset? LeaseExpiresAt, bool CancelRequested);
