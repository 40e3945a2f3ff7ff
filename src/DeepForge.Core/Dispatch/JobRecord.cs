using System.Text.Json.Serialization;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Dispatch;

/// <summary>
/// A job in the store (collection <c>jobs</c>): one operation of one execution handed to workers.
/// Every change goes through a compare-and-set on the document version, so several servers on one
/// store agree on who holds a job.
/// </summary>
internal sealed class JobRecord
{
    public string Id { get; set; } = "";
    public string ExecutionId { get; set; } = "";
    public string NodeId { get; set; } = "";
    public JobSpec Spec { get; set; } = null!;

    /// <summary>Labels a worker must have, all of them, to lease the job.</summary>
    public List<string> Labels { get; set; } = [];

    public JobStatus Status { get; set; }
    public string? RunnerId { get; set; }
    public string? LeaseToken { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>
    /// The tokens of leases that expired, oldest first: a report with one of them is told that its lease
    /// expired, one with any other token that it is not this job's lease. The newest still holds the job
    /// while nobody has leased it again (its report arrived after a stall, not after another worker took over).
    /// </summary>
    public List<string> ExpiredLeaseTokens { get; set; } = [];

    /// <summary>The runner whose lease expired last.</summary>
    public string? ExpiredRunnerId { get; set; }

    /// <summary>How many times a worker leased it.</summary>
    public int Attempts { get; set; }

    /// <summary>How many leases may expire before the job fails.</summary>
    public int MaxAttempts { get; set; }

    public bool CancelRequested { get; set; }
    public Dictionary<string, OutputValue>? Outputs { get; set; }
    public string? Error { get; set; }
    public string? Details { get; set; }
    public DateTimeOffset EnqueuedAt { get; set; }
    public DateTimeOffset? LeasedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    [JsonIgnore] public bool IsActive => Status is JobStatus.Queued or JobStatus.Leased;

    /// <summary>
    /// Store partition: active jobs sit in small partitions a lease request scans; finished ones
    /// move to one partition per execution, so the queue does not grow with history.
    /// </summary>
    [JsonIgnore]
    public string Partition => Status switch
    {
        JobStatus.Queued => QueuedPartition,
        JobStatus.Leased => LeasedPartition,
        _ => DonePartition(ExecutionId),
    };

    public const string QueuedPartition = "queued";
    public const string LeasedPartition = "leased";

    public static string DonePartition(string executionId) => $"done:{executionId}";

    /// <summary>Whether a worker with these labels can run the job.</summary>
    public bool RunsOn(IReadOnlyCollection<string> runnerLabels) =>
        Labels.All(l => runnerLabels.Contains(l, StringComparer.OrdinalIgnoreCase));
}
