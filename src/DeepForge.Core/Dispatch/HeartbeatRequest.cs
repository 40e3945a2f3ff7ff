using DeepForge.Feedback;

namespace DeepForge.Dispatch;

/// <summary>A worker's periodic report on a job: it is alive, and the log text and feedback since the last one.</summary>
internal sealed record HeartbeatRequest(string LeaseToken, IReadOnlyList<string> Log, IReadOnlyList<FeedbackEvent> Feedback);
