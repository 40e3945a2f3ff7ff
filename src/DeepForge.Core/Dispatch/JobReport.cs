namespace DeepForge.Dispatch;

/// <summary>The answer to a heartbeat, complete or fail: its status, a message saying why when refused, and the heartbeat reply when accepted.</summary>
internal sealed record JobReport(JobReportStatus Status, string? Message = null, HeartbeatReply? Reply = null)
{
    public static readonly JobReport Accepted = new(JobReportStatus.Accepted);

    public static JobReport NotFound(string jobId) => new(JobReportStatus.NotFound, $"there is no job '{jobId}'");

    public static JobReport Invalid(string message) => new(JobReportStatus.Invalid, message);

    public static JobReport Rejected(string message) => new(JobReportStatus.Rejected, message);
}
