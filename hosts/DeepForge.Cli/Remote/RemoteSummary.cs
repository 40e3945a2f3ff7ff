using DeepForge.Api;
using DeepForge.Models;

namespace DeepForge.Cli.Remote;

/// <summary>A row of <c>deepforge executions</c> (local or <c>--server</c>), with what a queued execution waits for.</summary>
internal sealed record RemoteSummary(string Id, string Pipeline, ExecutionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    /// <summary>What a running execution's queued job waits for ("queued: waiting for a worker with: gpu"), when one does.</summary>
    public string? Waiting { get; init; }

    public static RemoteSummary Of(ExecutionSummary summary) =>
        new(summary.Id, summary.Pipeline, summary.Status, summary.CreatedAt, summary.FinishedAt, summary.Error);
}
