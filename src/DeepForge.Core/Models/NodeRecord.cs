namespace DeepForge.Models;

/// <summary>One node of one execution: status, attempts, timings, outputs and caching.</summary>
public sealed class NodeRecord
{
    /// <summary>The execution.</summary>
    public string ExecutionId { get; set; } = "";

    /// <summary>The pipeline node.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>Where it stands.</summary>
    public NodeStatus Status { get; set; }

    /// <summary>How many times it has started.</summary>
    public int Attempts { get; set; }

    /// <summary>When the last attempt started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Outputs by port name.</summary>
    public Dictionary<string, OutputValue> Outputs { get; set; } = new();

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>The cache key of this run.</summary>
    public string? CacheKey { get; set; }

    /// <summary>Outputs came from an earlier identical run.</summary>
    public bool FromCache { get; set; }

    /// <summary>For outputs from the cache: the execution whose run made them (null for entries cached before this was kept).</summary>
    public string? ReusedExecution { get; set; }

    /// <summary>For outputs from the cache: the node of <see cref="ReusedExecution"/> that made them.</summary>
    public string? ReusedNode { get; set; }

    /// <summary>Why the cache had nothing to reuse.</summary>
    public string? CacheMissReason { get; set; }

    /// <summary>
    /// Why a running node has not started yet, as a server reports it (for example "waiting for a worker
    /// with: gpu"); worked out when the node is read, never stored.
    /// </summary>
    public string? Waiting { get; set; }

    /// <summary>Store key of a node record.</summary>
    public static string Key(string executionId, string nodeId) => $"{executionId}/{nodeId}";
}
