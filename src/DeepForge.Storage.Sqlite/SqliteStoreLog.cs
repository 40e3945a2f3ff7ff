using Microsoft.Extensions.Logging;

namespace DeepForge.Storage.Sqlite;

internal static partial class SqliteStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Opened SQLite document store {DatabasePath}")]
    public static partial void Opened(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "SQLite database {DatabasePath} stayed busy; retrying (attempt {Attempt})")]
    public static partial void BusyRetry(ILogger logger, string databasePath, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Could not read whether another process wrote to the SQLite store; trying again in a moment")]
    public static partial void ForeignWritesUnreadable(ILogger logger, Exception exception);
}
