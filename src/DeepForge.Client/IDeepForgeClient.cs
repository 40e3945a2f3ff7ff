using DeepForge.Api;
using DeepForge.Models;

namespace DeepForge.Client;

/// <summary>
/// A DeepForge server's REST API (<c>/api/v1</c>) as a person's program uses it: sign-in, projects, executions and
/// their logs and feedback, artifacts. Every failure is a <see cref="DeepForgeApiException"/> carrying the server's problem message.
/// </summary>
public interface IDeepForgeClient
{
    /// <summary>The server this client talks to.</summary>
    Uri ServerUrl { get; }

    /// <summary>Who the token signs in as.</summary>
    Task<PersonView> MeAsync(CancellationToken cancellationToken);

    /// <summary>Signs in with a name and password; the answer holds a new personal access token.</summary>
    Task<SignInReply> SignInAsync(SignInRequest request, CancellationToken cancellationToken);

    /// <summary>Servers, connected workers and the queue (<c>GET /api/v1/status</c>).</summary>
    Task<StatusView> StatusAsync(CancellationToken cancellationToken);

    /// <summary>Each node's metrics of an execution, the last value of each name (<c>GET /api/v1/executions/{id}/metrics</c>).</summary>
    Task<IReadOnlyList<DeepForge.Metrics.NodeMetrics>> MetricsAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>The projects the signed-in person may see.</summary>
    Task<IReadOnlyList<ProjectSummary>> ProjectsAsync(CancellationToken cancellationToken);

    /// <summary>Runs a pipeline of <paramref name="project"/>; answers at once while it runs on the server.</summary>
    Task<ExecutionView> StartExecutionAsync(string project, StartExecutionRequest request, CancellationToken cancellationToken);

    /// <summary>An execution with every node's status.</summary>
    Task<ExecutionView> GetExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>A project's executions, newest first.</summary>
    Task<IReadOnlyList<ExecutionSummary>> ExecutionsAsync(string project, CancellationToken cancellationToken);

    /// <summary>A project's schedules with their next fire times and last runs.</summary>
    Task<IReadOnlyList<ScheduleView>> SchedulesAsync(string project, CancellationToken cancellationToken);

    /// <summary>Adds a schedule to <paramref name="project"/>; refused (400) when its cron, pipeline, nodes, attributes or inputs are wrong.</summary>
    Task<ScheduleView> AddScheduleAsync(string project, AddScheduleRequest request, CancellationToken cancellationToken);

    /// <summary>Pauses (<paramref name="paused"/> true) or resumes a schedule.</summary>
    Task<ScheduleView> SetSchedulePausedAsync(string project, string scheduleId, bool paused, CancellationToken cancellationToken);

    /// <summary>Removes a schedule; the executions it started stay.</summary>
    Task RemoveScheduleAsync(string project, string scheduleId, CancellationToken cancellationToken);

    /// <summary>Asks a running execution to stop.</summary>
    Task CancelExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Runs a stopped execution on from where it stopped.</summary>
    Task ResumeExecutionAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Starts a sweep of a pipeline of <paramref name="project"/>: its runs are stored at once and run on the server, a few at a time.</summary>
    Task<DeepForge.Sweeps.SweepTable> StartSweepAsync(string project, StartSweepRequest request, CancellationToken cancellationToken);

    /// <summary>A project's sweeps, newest first.</summary>
    Task<IReadOnlyList<SweepSummary>> SweepsAsync(string project, CancellationToken cancellationToken);

    /// <summary>A sweep's table: every run's values, status and final metrics, best first.</summary>
    Task<DeepForge.Sweeps.SweepTable> SweepAsync(string project, string sweepId, CancellationToken cancellationToken);

    /// <summary>A node's log entries after sequence number <paramref name="after"/>.</summary>
    Task<StreamPage<LogEntry>> LogAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken);

    /// <summary>A node's feedback events after sequence number <paramref name="after"/>.</summary>
    Task<StreamPage<FeedbackEntry>> FeedbackAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken);

    /// <summary>A project's artifacts.</summary>
    Task<IReadOnlyList<ArtifactRecord>> ArtifactsAsync(string project, CancellationToken cancellationToken);

    /// <summary>Uploads a file as an artifact named <paramref name="name"/>; the stream is read from its current position to its end.</summary>
    Task<ArtifactRecord> UploadArtifactAsync(string project, string name, Stream content, CancellationToken cancellationToken);

    /// <summary>Deletes an artifact.</summary>
    Task DeleteArtifactAsync(string project, string artifactId, CancellationToken cancellationToken);

    /// <summary>Writes an artifact exported in <paramref name="format"/> to <paramref name="output"/>; gives the file name the server suggests.</summary>
    Task<string?> ExportArtifactAsync(string project, string artifact, string format, Stream output, CancellationToken cancellationToken);
}
