namespace DeepForge.Designer.Executions;

/// <summary>Puts graphs of the same title from two executions together, whichever of their operations drew them.</summary>
internal static class CompareCharts
{
    public static IReadOnlyList<CompareChart> Of(LiveExecution a, LiveExecution b)
    {
        var graphs = Graphs(a).Concat(Graphs(b)).ToList();
        return graphs.GroupBy(g => g.Graph.Title).Select(group => new CompareChart(
            group.Key,
            group.Select(g => g.Graph.XLabel).FirstOrDefault(l => l != null),
            group.Select(g => g.Graph.YLabel).FirstOrDefault(l => l != null),
            group.SelectMany(g => g.Graph.Series(line => $"{line} ({g.Execution.ShortId})")).ToList())).ToList();
    }

    private static IEnumerable<(LiveExecution Execution, FeedbackGraph Graph)> Graphs(LiveExecution execution) =>
        execution.Operations.SelectMany(n => execution.Tail(n.Id).Feedback.Graphs).Select(g => (execution, g));
}
