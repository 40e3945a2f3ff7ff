using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Api.Artifacts;

/// <summary>Log messages of the export route.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "Artifact {ArtifactId} of project {Project} exported as {Format} ({Bytes} bytes) for {Person}")]
    public static partial void Exported(ILogger logger, string artifactId, string project, string format, long bytes, string? person);
}
