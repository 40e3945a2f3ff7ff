namespace DeepForge.Feedback;

/// <summary>A feedback event of a node with its number in the node's stream (from 1); pass the last one back to read what came after.</summary>
public sealed record SequencedFeedback(long Sequence, FeedbackEvent Event);
