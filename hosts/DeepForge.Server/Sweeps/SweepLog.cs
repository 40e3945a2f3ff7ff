using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Sweeps;

internal static partial class SweepLog
{
    [LoggerMessage(EventId = 1360, Level = LogLevel.Information, Message = "Sweep {SweepId} of project {Project}: running {Runs} runs, {Parallel} at a time")]
    public static partial void Driving(ILogger logger, string sweepId, string project, int runs, int parallel);

    [LoggerMessage(EventId = 1361, Level = LogLevel.Information, Message = "Sweep {SweepId}: every run has ended")]
    public static partial void Ended(ILogger logger, string sweepId);

    [LoggerMessage(EventId = 1362, Level = LogLevel.Error, Message = "Sweep {SweepId} stopped starting runs")]
    public static partial void Failed(ILogger logger, string sweepId, Exception exception);
}
