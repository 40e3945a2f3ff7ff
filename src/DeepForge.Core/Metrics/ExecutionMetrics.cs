using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Metrics;

/// <summary>
/// Reads an execution's metrics from its nodes' feedback streams. Metrics travel as feedback, so they are stored the same
/// way whether the job ran in this process, in a job process or on a remote worker.
/// </summary>
internal static class ExecutionMetrics
{
    public static async Task<IReadOnlyList<NodeMetrics>> ReadAsync(ExecutionService executions, string executionId,
        Func<string, CancellationToken, Task<bool>>? mayReadProject, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(executionId, cancellationToken);
        var records = (await executions.NodesAsync(executionId, cancellationToken)).ToDictionary(n => n.NodeId);
        var result = new List<NodeMetrics>();
        foreach (var node in execution.Pipeline.Nodes.Where(n => n.Kind == NodeKind.Operation))
        {
            var (fromExecution, fromNode) = records.GetValueOrDefault(node.Id) is { FromCache: true, ReusedExecution: { } e, ReusedNode: { } n }
                ? (e, n) : (executionId, node.Id);
            if (fromExecution != executionId && !await MayReadAsync(executions, execution.Project, fromExecution, mayReadProject, cancellationToken)) continue;
            // A deleted earlier run has no stream left: its metrics are gone with it, and the node shows none.
            var metrics = MetricReport.Fold(await executions.FeedbackAsync(fromExecution, fromNode, cancellationToken));
            if (metrics.Count > 0) result.Add(new NodeMetrics(node.Id, node.Operation ?? "", metrics));
        }
        return result;
    }

    // The cache is keyed by code and inputs, not by project: a reused run of another project is read only by those
    // who may read that project. A run deleted since has no metrics left to read.
    internal static async Task<bool> MayReadAsync(ExecutionService executions, string project, string reusedExecution,
        Func<string, CancellationToken, Task<bool>>? mayReadProject, CancellationToken cancellationToken)
    {
        if (mayReadProject == null) return true;
        try
        {
            var reused = await executions.GetAsync(reusedExecution, cancellationToken);
            return reused.Project == project || await mayReadProject(reused.Project, cancellationToken);
        }
        catch (DeepForgeException)
        {
            return false;
        }
    }
}
