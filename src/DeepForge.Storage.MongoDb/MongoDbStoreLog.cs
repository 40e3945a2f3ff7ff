using Microsoft.Extensions.Logging;

namespace DeepForge.Storage.MongoDb;

internal static partial class MongoDbStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "MongoDB document store ready on {Where} (transactions: {Transactions})")]
    public static partial void Ready(ILogger logger, string where, bool transactions);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Message}")]
    public static partial void Unavailable(ILogger logger, string message, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The change feed lost its MongoDB change stream ({Message}); opening it again in a moment")]
    public static partial void ChangeStreamLost(ILogger logger, string message, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "The MongoDB deployment refused a change stream ({Message}): pages read the store again every second instead of when it changes")]
    public static partial void NoChangeStreams(ILogger logger, string message);
}
