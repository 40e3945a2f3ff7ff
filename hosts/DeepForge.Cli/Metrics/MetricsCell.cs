using System.Globalization;
using DeepForge.Metrics;

namespace DeepForge.Cli.Metrics;

/// <summary>An execution's metrics as the lines of one table cell: <c>accuracy 0.9183</c>, named by node when several nodes report.</summary>
internal static class MetricsCell
{
    public static string Format(IReadOnlyList<NodeMetrics> nodes) =>
        string.Join('\n', nodes.SelectMany(n => n.Metrics.Select(m => $"{(nodes.Count > 1 ? n.NodeId + "." : "")}{m.Name} {Value(m.Value)}")));

    /// <summary>Four significant digits: enough to compare runs, short enough for a table; NaN and Infinity by name.</summary>
    public static string Value(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
