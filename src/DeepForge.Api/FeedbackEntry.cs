using DeepForge.Feedback;

namespace DeepForge.Api;

/// <summary>A feedback event of a node's job, numbered in order from 1.</summary>
public sealed record FeedbackEntry(long Sequence, FeedbackEvent Event);
