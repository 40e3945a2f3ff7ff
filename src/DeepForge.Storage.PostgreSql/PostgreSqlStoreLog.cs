using Microsoft.Extensions.Logging;

namespace DeepForge.Storage.PostgreSql;

internal static partial class PostgreSqlStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "PostgreSQL document store ready on {Host}/{Database}")]
    public static partial void SchemaReady(ILogger logger, string host, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Unavailable(ILogger logger, string message, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The change feed lost its PostgreSQL connection ({Message}); listening again in a moment")]
    public static partial void ListenerLost(ILogger logger, string message, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "The change feed listens to PostgreSQL again")]
    public static partial void ListenerBack(ILogger logger);
}
