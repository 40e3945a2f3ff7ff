using DeepForge.Models;

namespace DeepForge.Server.Api.Executions;

/// <summary>An execution and every node of it, with what a queued node is waiting for.</summary>
internal sealed record ExecutionView(ExecutionRecord Execution, IReadOnlyList<NodeRecord> Nodes);
