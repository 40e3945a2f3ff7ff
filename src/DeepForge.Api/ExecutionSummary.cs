using DeepForge.Models;

namespace DeepForge.Api;

/// <summary>An execution in a list, without its pipeline; a scheduled one names its schedule and fire time.</summary>
public sealed record ExecutionSummary(string Id, string Project, string Pipeline, ExecutionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error,
    string? ScheduleId = null, DateTimeOffset? ScheduledFor = null)
{
    /// <summary>The summary of a stored execution, as the server's execution list answers it.</summary>
    public static ExecutionSummary Of(ExecutionRecord e) => new(e.Id, e.Project, e.Pipeline.Name, e.Status, e.CreatedAt, e.FinishedAt, e.Error, e.ScheduleId, e.ScheduledFor);
}
