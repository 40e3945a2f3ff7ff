using DeepForge.Models;
using Microsoft.Extensions.Logging;

namespace DeepForge.Runtime;

/// <summary>What <see cref="BackgroundExecutions"/> logs (event ids as when it lived in the server, so log queries keep working).</summary>
internal static partial class BackgroundExecutionLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Execution {ExecutionId} runs in the background")]
    public static partial void ExecutionStarted(ILogger logger, string executionId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Execution {ExecutionId} ended: {Status}")]
    public static partial void ExecutionEnded(ILogger logger, string executionId, ExecutionStatus status);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Execution {ExecutionId} stopped with the server; the next server start resumes it")]
    public static partial void ExecutionStoppedWithServer(ILogger logger, string executionId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Execution {ExecutionId} could not run")]
    public static partial void ExecutionRunFailed(ILogger logger, string executionId, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Resuming execution {ExecutionId} of project {Project}: its process stopped while running it")]
    public static partial void ResumingLeftRunning(ILogger logger, string executionId, string project);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Execution {ExecutionId} of project {Project} is not resumed: it was being cancelled when its process stopped; marked cancelled")]
    public static partial void LeftCancelled(ILogger logger, string executionId, string project);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Looking for executions to resume failed")]
    public static partial void ResumeScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "Execution {ExecutionId} stopped here: {Reason}")]
    public static partial void ExecutionTakenOver(ILogger logger, string executionId, string reason);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Information, Message = "Execution {ExecutionId} is not taken over here: {Reason}")]
    public static partial void ExecutionHeldElsewhere(ILogger logger, string executionId, string reason);
}
