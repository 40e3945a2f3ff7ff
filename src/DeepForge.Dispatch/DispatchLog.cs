using Microsoft.Extensions.Logging;

namespace DeepForge.Dispatch;

/// <summary>The job queue's log messages, structured so a log store can filter by job, execution and runner.</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Job {JobId} queued: node {NodeId} of execution {ExecutionId}, labels [{Labels}]")]
    public static partial void Queued(ILogger logger, string jobId, string nodeId, string executionId, string labels);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Job {JobId} leased to runner {RunnerId} (attempt {Attempt})")]
    public static partial void Leased(ILogger logger, string jobId, string runnerId, int attempt);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Job {JobId} succeeded on runner {RunnerId}")]
    public static partial void Succeeded(ILogger logger, string jobId, string? runnerId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Job {JobId} ended as {Status} on runner {RunnerId}: {Error}")]
    public static partial void Failed(ILogger logger, string jobId, JobStatus status, string? runnerId, string error);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Job {JobId}: the lease of runner {RunnerId} expired; the job is now {Status}")]
    public static partial void LeaseExpired(ILogger logger, string jobId, string? runnerId, JobStatus status);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Job {JobId}: refused a {Report} with a lost lease: {Reason}")]
    public static partial void ReportRefused(ILogger logger, string jobId, string report, string reason);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Job {JobId}: cancel requested (it was {Status})")]
    public static partial void CancelRequested(ILogger logger, string jobId, JobStatus status);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Re-attached to job {JobId} ({Status}) of node {NodeId} in execution {ExecutionId}")]
    public static partial void Reattached(ILogger logger, string jobId, JobStatus status, string nodeId, string executionId);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Extended {Count} leases by one lease period at start: their workers could not report while no server ran")]
    public static partial void LeasesExtended(ILogger logger, int count);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "The store took no writes for {Seconds:0.#} s; extended {Count} leases by one lease period instead of expiring them (their heartbeats could not be stored either)")]
    public static partial void StoreStalled(ILogger logger, double seconds, int count);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "Sweep at {Now:HH:mm:ss.fff} (store written first when jobs are leased), previous good sweep {Previous:HH:mm:ss.fff}, {Count} leased (soonest expiry {Soonest:HH:mm:ss.fff})")]
    public static partial void Swept(ILogger logger, DateTimeOffset now, DateTimeOffset previous, int count, DateTimeOffset? soonest);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Job {JobId}: heartbeat accepted, lease until {ExpiresAt:HH:mm:ss.fff}")]
    public static partial void HeartbeatAccepted(ILogger logger, string jobId, DateTimeOffset? expiresAt);
}
