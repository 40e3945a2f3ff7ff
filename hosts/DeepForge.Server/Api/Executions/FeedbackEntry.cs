using DeepForge.Feedback;

namespace DeepForge.Server.Api.Executions;

/// <summary>A feedback event of a node's job, numbered in order from 1.</summary>
internal sealed record FeedbackEntry(long Sequence, FeedbackEvent Event);
