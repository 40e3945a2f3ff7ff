using Microsoft.Extensions.Logging;

namespace DeepForge.Storage.MongoDb;

internal static partial class MongoDbStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "MongoDB document store ready on {Where} (transactions: {Transactions})")]
    public static partial void Ready(ILogger logger, string where, bool transactions);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Unavailable(ILogger logger, string message, Exception exception);
}
