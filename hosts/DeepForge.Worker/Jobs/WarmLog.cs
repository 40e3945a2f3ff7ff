using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Jobs;

/// <summary>The log messages of warm job processes.</summary>
internal static partial class WarmLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, Message = "Warm job process {Pid} started; it waits for a job")]
    public static partial void Warming(ILogger logger, int pid);

    [LoggerMessage(EventId = 41, Level = LogLevel.Debug, Message = "Job {JobId}: handed to warm process {Pid}")]
    public static partial void HandedOver(ILogger logger, string jobId, int pid);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Warm job process {Pid} {Exit} before it had a job{Said}; the next job starts a process of its own if no warm one is left")]
    public static partial void DiedWarm(ILogger logger, int pid, string exit, string said);

    [LoggerMessage(EventId = 43, Level = LogLevel.Warning, Message = "Could not start a warm job process ({Error}); jobs start their process when they are leased")]
    public static partial void StartFailed(ILogger logger, string error);
}
