using DeepForge.Models;

namespace DeepForge.Cli.Remote;

/// <summary>An execution as the server reports it: the record and every node (with what a queued node waits for).</summary>
internal sealed record RemoteExecution(ExecutionRecord Execution, IReadOnlyList<NodeRecord> Nodes);
