namespace DeepForge.Storage;

/// <summary>An entry of an append-only stream.</summary>
public sealed record StreamEntry(long Sequence, string Text);
