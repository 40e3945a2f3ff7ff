using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Metrics;

/// <summary>
/// Reads an execution's metrics from its nodes' feedback streams. Metrics travel as feedback, so they are stored the same
/// way whether the job ran in this process, in a job process or on a remote worker.
/// </summary>
internal static class ExecutionMetrics
{
    public static async Task<IReadOnlyList<NodeMetrics>> ReadAsync(ExecutionService executions, string executionId, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(executionId, cancellationToken);
        var records = (await executions.NodesAsync(executionId, cancellationToken)).ToDictionary(n => n.NodeId);
        var result = new List<NodeMetrics>();
        foreach (var node in execution.Pipeline.Nodes.Where(n => n.Kind == NodeKind.Operation))
        {
            var (fromExecution, fromNode) = records.GetValueOrDefault(node.Id) is { FromCache: true, ReusedExecution: { } e, ReusedNode: { } n }
                ? (e, n) : (executionId, node.Id);
            // A deleted earlier run has no stream left: its metrics are gone with it, and the node shows none.
            var metrics = MetricReport.Fold(await executions.FeedbackAsync(fromExecution, fromNode, cancellationToken));
            if (metrics.Count > 0) result.Add(new NodeMetrics(node.Id, node.Operation ?? "", metrics));
        }
        return result;
    }
}
