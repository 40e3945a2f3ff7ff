namespace DeepForge.Server.Api.Status;

/// <summary>A job a worker runs now.</summary>
internal sealed record StatusJobView(string JobId, string ExecutionId, string NodeId, string Operation);
