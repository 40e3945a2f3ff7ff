namespace DeepForge.Server.Api.Executions;

/// <summary>Text a node's job wrote, numbered in order from 1.</summary>
internal sealed record LogEntry(long Sequence, string Text);
