using DeepForge.Models;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Hosting;

/// <summary>The server's log messages, structured so a log store can filter by execution, runner and path.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Sweeping expired leases failed; trying again")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Refused a runner request to {Path}: {Reason}")]
    public static partial void RunnerRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Artifact {ArtifactId} '{Name}' of project {Project} stored: {Size} bytes, blob {Hash}")]
    public static partial void ArtifactUploaded(ILogger logger, string artifactId, string name, string project, long size, string hash);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Artifact {ArtifactId} of project {Project} deleted")]
    public static partial void ArtifactDeleted(ILogger logger, string artifactId, string project);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "Execution {ExecutionId}: cancel requested")]
    public static partial void CancelRequested(ILogger logger, string executionId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Information, Message = "Removed {Count} unfinished uploads from {Directory} that nobody wrote to for {Minutes:0.#} minutes")]
    public static partial void PartialUploadsRemoved(ILogger logger, int count, string directory, double minutes);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "Unfinished upload {Path} could not be removed: {Error}")]
    public static partial void PartialUploadKept(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "Refused {Method} {Path}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Warning, Message = "Sign-in as '{Name}' from {Address} refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string name, string address, string reason);

    [LoggerMessage(EventId = 1017, Level = LogLevel.Information, Message = "{Name} signed in from {Address} ({How})")]
    public static partial void SignedIn(ILogger logger, string name, string address, string how);
}
