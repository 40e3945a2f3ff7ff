namespace DeepForge.Cli.Remote;

/// <summary>A job a worker of <see cref="RemoteStatus"/> runs now.</summary>
internal sealed record RemoteWorkerJob(string JobId, string ExecutionId, string NodeId, string Operation);
