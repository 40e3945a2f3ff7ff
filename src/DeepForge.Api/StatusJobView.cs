namespace DeepForge.Api;

/// <summary>A job a worker runs now.</summary>
public sealed record StatusJobView(string JobId, string ExecutionId, string NodeId, string Operation);
