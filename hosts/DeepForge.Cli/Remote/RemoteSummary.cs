using DeepForge.Api;
using DeepForge.Models;

namespace DeepForge.Cli.Remote;

/// <summary>A row of <c>deepforge executions</c> (local or <c>--server</c>), with what a queued execution waits for.</summary>
internal sealed record RemoteSummary(string Id, string Pipeline, ExecutionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    /// <summary>What a running execution's queued job waits for ("queued: waiting for a worker with: gpu"), when one does.</summary>
    public string? Waiting { get; init; }

    /// <summary>The schedule whose fire started it, and that fire's time; null for other runs.</summary>
    public string? ScheduleId { get; init; }

    /// <summary>The fire time of <see cref="ScheduleId"/>.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>"schedule s1a2b3c4 @ 2026-12-06 02:00:00Z" for a scheduled run; empty otherwise.</summary>
    public string ScheduledText => ScheduleId == null ? "" : $"schedule {ScheduleId} @ {ScheduledFor?.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";

    public static RemoteSummary Of(ExecutionSummary summary) =>
        new(summary.Id, summary.Pipeline, summary.Status, summary.CreatedAt, summary.FinishedAt, summary.Error)
        {
            ScheduleId = summary.ScheduleId, ScheduledFor = summary.ScheduledFor,
        };
}
