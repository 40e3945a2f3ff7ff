using DeepForge.Feedback;
using DeepForge.Metrics;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Sweeps;

/// <summary>
/// A run's final numbers: the metrics its operations reported with <c>context.Metric</c>, or, for pipelines that report
/// none (training alone), the last point of each graph line, named by the graph's title (and the line's name when the
/// graph has several). A name reported by several nodes is prefixed with the node's id. A node reused from a run of
/// another project scores only for a reader who may read that project (the cache is shared by all projects).
/// </summary>
internal static class RunScores
{
    public static async Task<IReadOnlyList<(string Name, double Value)>> ReadAsync(ExecutionService executions, ExecutionRecord execution,
        Func<string, CancellationToken, Task<bool>>? mayReadProject, CancellationToken cancellationToken)
    {
        var metrics = await ExecutionMetrics.ReadAsync(executions, execution.Id, mayReadProject, cancellationToken);
        var named = metrics.SelectMany(n => n.Metrics.Select(m => (n.NodeId, m.Name, m.Value))).ToList();
        if (named.Count == 0) named = await GraphEndsAsync(executions, execution, mayReadProject, cancellationToken);
        var shared = named.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return named.Select(m => (shared.Contains(m.Name) ? $"{m.NodeId}.{m.Name}" : m.Name, m.Value)).ToList();
    }

    private static async Task<List<(string NodeId, string Name, double Value)>> GraphEndsAsync(ExecutionService executions, ExecutionRecord execution,
        Func<string, CancellationToken, Task<bool>>? mayReadProject, CancellationToken cancellationToken)
    {
        var records = (await executions.NodesAsync(execution.Id, cancellationToken)).ToDictionary(n => n.NodeId);
        var result = new List<(string, string, double)>();
        foreach (var node in execution.Pipeline.Nodes.Where(n => n.Kind == NodeKind.Operation))
        {
            // A node reused from the cache drew its graphs in the run it reused.
            var (fromExecution, fromNode) = records.GetValueOrDefault(node.Id) is { FromCache: true, ReusedExecution: { } e, ReusedNode: { } n } ? (e, n) : (execution.Id, node.Id);
            if (fromExecution != execution.Id && !await ExecutionMetrics.MayReadAsync(executions, execution.Project, fromExecution, mayReadProject, cancellationToken)) continue;
            var lines = LastPoints(await executions.FeedbackAsync(fromExecution, fromNode, cancellationToken));
            result.AddRange(lines.Select(l => (node.Id, l.Name, l.Value)));
        }
        return result;
    }

    private static List<(string Name, double Value)> LastPoints(IReadOnlyList<FeedbackEvent> events)
    {
        var titles = new Dictionary<string, string>();
        var lines = new Dictionary<string, (string Graph, string Name, double? Last)>();
        foreach (var e in events)
        {
            if (e.Kind == "graph") titles[e.Id] = e.Text ?? e.Id;
            else if (e.Kind is "line" or "points") lines[e.Id] = Update(lines.GetValueOrDefault(e.Id), e);
        }
        var perGraph = lines.Values.GroupBy(l => l.Graph).ToDictionary(g => g.Key, g => g.Count());
        return lines.Values.Where(l => l.Last is { } v && double.IsFinite(v))
            .Select(l => (perGraph[l.Graph] > 1 ? $"{titles.GetValueOrDefault(l.Graph, l.Graph)}/{l.Name}" : titles.GetValueOrDefault(l.Graph, l.Graph), l.Last!.Value)).ToList();
    }

    // A line's id is "<graph id>/<name>", which names its graph when the "line" event was not seen.
    private static (string Graph, string Name, double? Last) Update((string Graph, string Name, double? Last) line, FeedbackEvent e)
    {
        if (line.Graph == null)
        {
            var slash = e.Id.IndexOf('/');
            line = (e.Parent ?? (slash > 0 ? e.Id[..slash] : e.Id), slash > 0 ? e.Id[(slash + 1)..] : e.Id, null);
        }
        if (e.Kind == "line" && e.Text != null) line.Name = e.Text;
        if (e.Kind == "points" && e.Points is { Length: >= 2 } points) line.Last = points[^1];
        return line;
    }
}
