using Microsoft.Extensions.Logging;

namespace DeepForge.Schedules;

internal static partial class ScheduleLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} fired for {FireTime:o}: execution {Execution}")]
    public static partial void Fired(ILogger logger, string schedule, DateTimeOffset fireTime, string execution);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Schedule {Schedule} for {FireTime:o}: execution {Execution} exists already (another server, or before a restart); not run again")]
    public static partial void AlreadyFired(ILogger logger, string schedule, DateTimeOffset fireTime, string execution);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {Schedule} could not start a run for {FireTime:o}: {Reason}")]
    public static partial void FireRefused(ILogger logger, string schedule, DateTimeOffset fireTime, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule} missed {Count} fires ({First:o} to {Last:o}) while no server ran: {Action}")]
    public static partial void Missed(ILogger logger, string schedule, int count, DateTimeOffset first, DateTimeOffset last, string action);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedules could not be read from the store; trying again at the next sync")]
    public static partial void SyncFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {Schedule} failed to fire for {FireTime:o}")]
    public static partial void FireFailed(ILogger logger, string schedule, DateTimeOffset fireTime, Exception exception);
}
