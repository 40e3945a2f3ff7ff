using DeepForge.Dispatch;

namespace DeepForge.Server.Api.Executions;

/// <summary>A job of an execution as users see it: never its lease token.</summary>
internal sealed record JobView(
    string Id, string NodeId, string Operation, JobStatus Status, IReadOnlyList<string> Labels, string? RunnerId, int Attempts, int MaxAttempts,
    bool CancelRequested, DateTimeOffset EnqueuedAt, DateTimeOffset? LeaseExpiresAt, DateTimeOffset? FinishedAt, string? Error)
{
    public static JobView Of(JobRecord j) => new(
        j.Id, j.NodeId, j.Spec.Operation, j.Status, j.Labels, j.RunnerId, j.Attempts, j.MaxAttempts, j.CancelRequested, j.EnqueuedAt, j.LeaseExpiresAt, j.FinishedAt, j.Error);
}
