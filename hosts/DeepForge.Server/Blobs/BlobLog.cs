using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Blobs;

/// <summary>What the server logs about its blobs.</summary>
internal static partial class BlobLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Blob collection freed {Count} blobs ({Bytes} bytes); {Referenced} referenced, {Young} younger than the grace period")]
    public static partial void Collected(ILogger logger, int count, long bytes, int referenced, int young);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Blob collection failed; trying again at the next interval")]
    public static partial void CollectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "{Method} {Path}: {Message}")]
    public static partial void Damaged(ILogger logger, string method, string path, string message);
}
