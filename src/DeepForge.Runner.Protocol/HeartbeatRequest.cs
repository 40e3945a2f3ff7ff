using DeepForge.Feedback;

namespace DeepForge.Runner.Protocol;

/// <summary>A worker's periodic report on a job: it is alive, and the log text and feedback since the last one.</summary>
/// <param name="LeaseToken">The token of the lease the worker holds the job with.</param>
/// <param name="Log">Log text since the last heartbeat.</param>
/// <param name="Feedback">Feedback events since the last heartbeat.</param>
public sealed record HeartbeatRequest(string LeaseToken, IReadOnlyList<string> Log, IReadOnlyList<FeedbackEvent> Feedback);
