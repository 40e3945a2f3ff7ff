using DeepForge.Designer.Executions;
using DeepForge.Feedback;
using DeepForge.Metrics;
using DeepForge.Runtime;

namespace DeepForge.Designer.Metrics;

/// <summary>
/// The metrics of an execution as its page shows them: a node that ran, from the feedback the page reads anyway; a
/// node whose outputs came from the cache, from the run it reused (read once, as that run is over).
/// </summary>
internal sealed class LiveMetrics(ExecutionService executions)
{
    private readonly Dictionary<string, IReadOnlyList<Metric>> _reused = [];

    public async Task<IReadOnlyList<NodeMetrics>> ReadAsync(LiveExecution live, CancellationToken cancellationToken)
    {
        var result = new List<NodeMetrics>();
        foreach (var node in live.Operations)
        {
            var metrics = live.Nodes.GetValueOrDefault(node.Id) is { FromCache: true, ReusedExecution: { } execution, ReusedNode: { } from }
                ? await ReusedAsync(execution, from, cancellationToken)
                : live.Tail(node.Id).Feedback.Metrics;
            if (metrics.Count > 0) result.Add(new NodeMetrics(node.Id, node.Operation ?? "", metrics));
        }
        return result;
    }

    private async Task<IReadOnlyList<Metric>> ReusedAsync(string executionId, string nodeId, CancellationToken cancellationToken)
    {
        var key = $"{executionId}/{nodeId}";
        if (!_reused.TryGetValue(key, out var metrics))
            _reused[key] = metrics = MetricReport.Fold(await executions.FeedbackAsync(executionId, nodeId, cancellationToken));
        return metrics;
    }
}
