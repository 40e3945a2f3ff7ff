using DeepForge.Worker.Cache;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker;

/// <summary>The worker's log messages.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Worker {RunnerId} serving {ServerUrl} with labels [{Labels}], {Slots} slot(s), jobs {Mode}")]
    public static partial void Started(ILogger logger, string runnerId, Uri serverUrl, string labels, int slots, string mode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Worker {RunnerId} stopped")]
    public static partial void Stopped(ILogger logger, string runnerId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Server {ServerUrl} unavailable while {What}: {Error}; retrying in {DelayMs:0} ms, and with backoff (at most {MaxMs:0} ms) until it is back")]
    public static partial void ServerUnavailable(ILogger logger, Uri serverUrl, string what, string error, double delayMs, double maxMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Server {ServerUrl} still unavailable while {What} (failure {Failures}): {Error}; retrying in {DelayMs:0} ms")]
    public static partial void ServerStillUnavailable(ILogger logger, Uri serverUrl, string what, int failures, string error, double delayMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Server {ServerUrl} is back after {Failures} failed attempt(s) while {What}")]
    public static partial void ServerBack(ILogger logger, Uri serverUrl, int failures, string what);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "{Error}; retrying in {DelayMs:0} ms")]
    public static partial void ServerRefused(ILogger logger, string error, double delayMs);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Job {JobId}: leased operation '{Operation}' of node '{NodeId}' (attempt {Attempt})")]
    public static partial void JobLeased(ILogger logger, string jobId, string operation, string nodeId, int attempt);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Job {JobId}: succeeded in {Milliseconds:0} ms")]
    public static partial void JobSucceeded(ILogger logger, string jobId, double milliseconds);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Job {JobId}: failed: {Error}")]
    public static partial void JobFailed(ILogger logger, string jobId, string error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Job {JobId}: cancelled by the server; its process tree was ended")]
    public static partial void JobCancelled(ILogger logger, string jobId);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Job {JobId}: the server took the lease away while {What} (409, or 404 for a job it no longer has): another worker has the job now, or it ended; this worker drops it without reporting")]
    public static partial void LeaseLost(ILogger logger, string jobId, string what);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Job {JobId}: the worker is stopping; the job was ended and goes back to the queue when its lease expires")]
    public static partial void JobAbandoned(ILogger logger, string jobId);

    [LoggerMessage(EventId = 16, Level = LogLevel.Debug, Message = "Job {JobId}: child process {Pid} started")]
    public static partial void ChildStarted(ILogger logger, string jobId, int pid);

    [LoggerMessage(EventId = 17, Level = LogLevel.Debug, Message = "Job {JobId}: child process {Pid} exited with code {ExitCode}")]
    public static partial void ChildExited(ILogger logger, string jobId, int pid, int exitCode);

    [LoggerMessage(EventId = 18, Level = LogLevel.Debug, Message = "Job folder {Path} could not be removed: {Error}")]
    public static partial void JobFolderKept(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, Message = "Removed {Count} job folders that workers no longer running left in {Directory}")]
    public static partial void LeftoverJobFoldersRemoved(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 19, Level = LogLevel.Error, Message = "Job {JobId}: its end could not be reported, the worker drops it: {Error}")]
    public static partial void ReportFailed(ILogger logger, string jobId, string error);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Blob {Hash} taken into the cache from the server's blob folder ({How})")]
    public static partial void BlobLinked(ILogger logger, string hash, CacheFill how);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Blob {Hash} downloaded into the cache ({Bytes} bytes)")]
    public static partial void BlobDownloaded(ILogger logger, string hash, long bytes);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Blob {Hash}: download broke off after {Bytes} bytes ({Error}); resuming in {DelayMs:0} ms")]
    public static partial void BlobDownloadRetry(ILogger logger, string hash, long bytes, string error, double delayMs);

    [LoggerMessage(EventId = 23, Level = LogLevel.Debug, Message = "Blob {Hash}: could not link {Source} ({Error}); downloading it instead")]
    public static partial void BlobLinkFailed(ILogger logger, string hash, string source, string error);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Blob {Hash} in the cache is damaged, fetching it again: {Error}")]
    public static partial void BlobDamaged(ILogger logger, string hash, string error);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information, Message = "Evicted {Count} least recently used blob(s), {Bytes} bytes; the cache holds {Remaining} bytes of at most {Max}")]
    public static partial void BlobsEvicted(ILogger logger, int count, long bytes, long remaining, long max);

    [LoggerMessage(EventId = 26, Level = LogLevel.Warning, Message = "Could not keep the cache under its limit: {Error}")]
    public static partial void EvictionFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 32, Level = LogLevel.Warning, Message = "Job {JobId}: checkpoint {Hash} could not be uploaded ({Error}); the job goes on from its last checkpoint kept by the server")]
    public static partial void CheckpointNotUploaded(ILogger logger, string jobId, string hash, string error);

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Could not tell whether a CUDA device is visible ({Error}); this worker reports no gpu label")]
    public static partial void CudaDetectionFailed(ILogger logger, string error);
}
