namespace DeepForge.Storage;

/// <summary>The collection and stream names DeepForge uses.</summary>
public static class Collections
{
    public const string Projects = "projects";
    public const string Executions = "executions";
    public const string Nodes = "nodes";
    public const string Artifacts = "artifacts";
    public const string Cache = "cache";
    public const string Jobs = "jobs";
    public const string NodeJobs = "node-jobs";
    public const string Runners = "runners";

    /// <summary>The last checkpoint of each running node (<see cref="NodeCheckpoints"/>).</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>Probes: documents written only to see that the store takes writes (the lease sweeper, /ready).</summary>
    public const string Health = "health";
    public const string Tokens = "tokens";

    public static string LogStream(string executionId, string nodeId) => $"log/{executionId}/{nodeId}";
    public static string FeedbackStream(string executionId, string nodeId) => $"feedback/{executionId}/{nodeId}";
}
