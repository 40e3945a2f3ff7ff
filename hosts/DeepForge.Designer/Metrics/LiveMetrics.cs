using DeepForge.Designer.Executions;
using DeepForge.Feedback;
using DeepForge.Metrics;
using DeepForge.Runtime;

namespace DeepForge.Designer.Metrics;

/// <summary>
/// The metrics of an execution as its page shows them: a node that ran, from the feedback the page reads anyway; a
/// node whose outputs came from the cache, from the run it reused (read once, as that run is over). The cache is keyed
/// by code and inputs, not by project, so the reused run may be another project's: its metrics are shown only to a
/// person who may read that project (<paramref name="mayRead"/>, the rule that guards the project itself); to anyone
/// else the node has none, and its job panel says the run belongs to a project they cannot open.
/// </summary>
internal sealed class LiveMetrics(ExecutionService executions, Func<string, CancellationToken, Task<bool>> mayRead)
{
    private readonly Dictionary<string, IReadOnlyList<Metric>> _reused = [];

    public async Task<IReadOnlyList<NodeMetrics>> ReadAsync(LiveExecution live, CancellationToken cancellationToken)
    {
        var result = new List<NodeMetrics>();
        foreach (var node in live.Operations)
        {
            var metrics = live.Nodes.GetValueOrDefault(node.Id) is { FromCache: true, ReusedExecution: { } execution, ReusedNode: { } from }
                ? await ReusedAsync(live.Record.Project, execution, from, cancellationToken)
                : live.Tail(node.Id).Feedback.Metrics;
            if (metrics.Count > 0) result.Add(new NodeMetrics(node.Id, node.Operation ?? "", metrics));
        }
        return result;
    }

    private async Task<IReadOnlyList<Metric>> ReusedAsync(string project, string executionId, string nodeId, CancellationToken cancellationToken)
    {
        var key = $"{executionId}/{nodeId}";
        if (_reused.TryGetValue(key, out var metrics)) return metrics;
        return _reused[key] = await MayReadRunAsync(project, executionId, cancellationToken)
            ? MetricReport.Fold(await executions.FeedbackAsync(executionId, nodeId, cancellationToken))
            : [];
    }

    private async Task<bool> MayReadRunAsync(string project, string executionId, CancellationToken cancellationToken)
    {
        try
        {
            var reused = await executions.GetAsync(executionId, cancellationToken);
            return reused.Project == project || await mayRead(reused.Project, cancellationToken);
        }
        catch (DeepForgeException)
        {
            return false; // deleted since: its metrics went with it
        }
    }
}
