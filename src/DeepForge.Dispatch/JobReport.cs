using DeepForge.Runner.Protocol;

namespace DeepForge.Dispatch;

/// <summary>The answer to a heartbeat, complete or fail: its status, a message saying why when refused, and the heartbeat reply when accepted.</summary>
/// <param name="Status">What became of the report; the host turns it into its answer (HTTP status).</param>
/// <param name="Message">Why, when it was not accepted: one line for the worker and the log.</param>
/// <param name="Reply">For an accepted heartbeat: what the worker is told.</param>
public sealed record JobReport(JobReportStatus Status, string? Message = null, HeartbeatReply? Reply = null)
{
    internal static readonly JobReport Accepted = new(JobReportStatus.Accepted);

    internal static JobReport NotFound(string jobId) => new(JobReportStatus.NotFound, $"there is no job '{jobId}'");

    internal static JobReport Invalid(string message) => new(JobReportStatus.Invalid, message);

    internal static JobReport Rejected(string message) => new(JobReportStatus.Rejected, message);
}
