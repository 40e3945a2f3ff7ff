using DeepForge.Models;

namespace DeepForge.Api;

/// <summary>An execution and every node of it, with what a queued node is waiting for.</summary>
public sealed record ExecutionView(ExecutionRecord Execution, IReadOnlyList<NodeRecord> Nodes);
