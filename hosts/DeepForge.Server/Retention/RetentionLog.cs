using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Retention;

internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Pruned {Jobs} job record(s) of finished executions and the log and feedback of {Logs} execution(s)")]
    public static partial void Pruned(ILogger logger, int jobs, int logs);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Pruning the store failed; trying again at the next interval")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
