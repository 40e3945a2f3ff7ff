using DeepForge.Metrics;

namespace DeepForge.Designer.Metrics;

/// <summary>One bar of a metrics chart: <c>accuracy/cat</c> is the bar "cat" of the chart "accuracy".</summary>
internal sealed record MetricBar(string Label, double Value)
{
    /// <summary>
    /// The charts of a node's metrics: names with a '/' grouped by what comes before it (per-class accuracies), each
    /// group of two or more a chart. A value that is not finite has no bar.
    /// </summary>
    public static IReadOnlyList<(string Title, IReadOnlyList<MetricBar> Bars)> Charts(IReadOnlyList<Metric> metrics) =>
        metrics.Where(m => m.Name.IndexOf('/') is > 0 && double.IsFinite(m.Value))
            .GroupBy(m => m.Name[..m.Name.IndexOf('/')])
            .Where(g => g.Count() > 1)
            .Select(g => (g.Key, (IReadOnlyList<MetricBar>)g.Select(m => new MetricBar(m.Name[(m.Name.IndexOf('/') + 1)..], m.Value)).ToList()))
            .ToList();
}
