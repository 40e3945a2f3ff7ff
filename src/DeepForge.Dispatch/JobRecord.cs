using System.Text.Json.Serialization;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Storage;

namespace DeepForge.Dispatch;

/// <summary>
/// A job in the store (collection <c>jobs</c>): one operation of one execution handed to workers.
/// Every change goes through a compare-and-set on the document version, so several servers on one
/// store agree on who holds a job.
/// </summary>
public sealed class JobRecord
{
    /// <summary>The job's id (32 hex digits).</summary>
    public string Id { get; set; } = "";
    /// <summary>The execution it belongs to.</summary>
    public string ExecutionId { get; set; } = "";
    /// <summary>The node it runs.</summary>
    public string NodeId { get; set; } = "";
    /// <summary>What a worker runs.</summary>
    public JobSpec Spec { get; set; } = null!;

    /// <summary>Labels a worker must have, all of them, to lease the job.</summary>
    public List<string> Labels { get; set; } = [];

    /// <summary>Where it stands.</summary>
    public JobStatus Status { get; set; }
    /// <summary>The runner that holds (or last held) it.</summary>
    public string? RunnerId { get; set; }
    /// <summary>The current lease's token, which every report must carry.</summary>
    public string? LeaseToken { get; set; }
    /// <summary>When the current lease ends unless a heartbeat extends it.</summary>
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

    /// <summary>A cancel was asked: a queued job is cancelled at once, a leased one is told in its next heartbeat reply.</summary>
    public bool CancelRequested { get; set; }
    /// <summary>The outputs of a job that succeeded, by port.</summary>
    public Dictionary<string, OutputValue>? Outputs { get; set; }
    /// <summary>Why it failed, in one line.</summary>
    public string? Error { get; set; }
    /// <summary>More on the failure (the exception), for the log.</summary>
    public string? Details { get; set; }
    /// <summary>When it was queued.</summary>
    public DateTimeOffset EnqueuedAt { get; set; }
    /// <summary>When it was last leased.</summary>
    public DateTimeOffset? LeasedAt { get; set; }
    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Queued or leased: not ended.</summary>
    [JsonIgnore] public bool IsActive => Status is JobStatus.Queued or JobStatus.Leased;

    /// <summary>
    /// Store partition: active jobs sit in small partitions a lease request scans; finished ones
    /// move to one partition per execution, so the queue does not grow with history.
    /// </summary>
    [JsonIgnore]
    internal string Partition => Status switch
    {
        JobStatus.Queued => JobDocuments.QueuedPartition,
        JobStatus.Leased => JobDocuments.LeasedPartition,
        _ => JobDocuments.DonePartition(ExecutionId),
    };

    /// <summary>Whether a worker with these labels can run the job.</summary>
    public bool RunsOn(IReadOnlyCollection<string> runnerLabels) =>
        Labels.All(l => runnerLabels.Contains(l, StringComparer.OrdinalIgnoreCase));
}
