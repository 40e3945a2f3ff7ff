namespace DeepForge.Storage;

/// <summary>The collection and stream names DeepForge uses.</summary>
public static class Collections
{
    /// <summary>Project definitions.</summary>
    public const string Projects = "projects";
    /// <summary>Execution records.</summary>
    public const string Executions = "executions";
    /// <summary>The state of each node of an execution.</summary>
    public const string Nodes = "nodes";
    /// <summary>Artifacts: data in a project, uploaded or saved by an Output node.</summary>
    public const string Artifacts = "artifacts";
    /// <summary>Cache entries: what a cache key is made of and the outputs of the run that made it, reused by a later run with the same key.</summary>
    public const string Cache = "cache";
    /// <summary>Jobs queued for workers by the server's dispatch.</summary>
    public const string Jobs = "jobs";
    /// <summary>The id of the newest job of each node of an execution, by which dispatch finds a node's job.</summary>
    public const string NodeJobs = "node-jobs";
    /// <summary>One small document per execution that is running (its project), so servers looking for runs to take over read few documents.</summary>
    public const string RunningExecutions = "running-executions";
    /// <summary>The workers registered with the server.</summary>
    public const string Runners = "runners";

    /// <summary>The last checkpoint of each running node (<see cref="NodeCheckpoints"/>).</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>Probes: documents written only to see that the store takes writes (the lease sweeper, /ready).</summary>
    public const string Health = "health";
    /// <summary>Worker tokens as the server stores them (by their hash).</summary>
    public const string Tokens = "tokens";

    /// <summary>The stream of a node's log lines in an execution.</summary>
    public static string LogStream(string executionId, string nodeId) => $"log/{executionId}/{nodeId}";
    /// <summary>The stream of a node's feedback events in an execution.</summary>
    public static string FeedbackStream(string executionId, string nodeId) => $"feedback/{executionId}/{nodeId}";
}
