using DeepForge.Models;

namespace DeepForge.Api;

/// <summary>An execution in a list, without its pipeline.</summary>
public sealed record ExecutionSummary(string Id, string Project, string Pipeline, ExecutionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    /// <summary>The summary of a stored execution, as the server's execution list answers it.</summary>
    public static ExecutionSummary Of(ExecutionRecord e) => new(e.Id, e.Project, e.Pipeline.Name, e.Status, e.CreatedAt, e.FinishedAt, e.Error);
}
