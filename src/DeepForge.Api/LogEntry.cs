namespace DeepForge.Api;

/// <summary>Text a node's job wrote, numbered in order from 1.</summary>
public sealed record LogEntry(long Sequence, string Text);
