namespace DeepForge.Designer.Executions;

/// <summary>One line of a chart.</summary>
/// <param name="Name">Its name in the legend.</param>
/// <param name="Points">Its points: a new list whenever a point is added, so the chart redraws.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);
