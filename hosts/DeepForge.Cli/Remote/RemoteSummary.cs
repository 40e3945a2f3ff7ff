using DeepForge.Models;

namespace DeepForge.Cli.Remote;

/// <summary>One line of a server's execution list.</summary>
internal sealed record RemoteSummary(string Id, string Pipeline, ExecutionStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Error)
{
    /// <summary>What a running execution's queued job waits for ("queued: waiting for a worker with: gpu"), when one does.</summary>
    public string? Waiting { get; init; }
}
