using Microsoft.Extensions.Logging;

namespace DeepForge.Storage.PostgreSql;

internal static partial class PostgreSqlStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "PostgreSQL document store ready on {Host}/{Database}")]
    public static partial void SchemaReady(ILogger logger, string host, string database);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Unavailable(ILogger logger, string message, Exception exception);
}
