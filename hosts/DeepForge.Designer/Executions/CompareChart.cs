namespace DeepForge.Designer.Executions;

/// <summary>A graph title with the lines of both executions on the same axes.</summary>
/// <param name="Title">The graph title both executions used.</param>
/// <param name="XLabel">The x axis label (the first execution's, else the second's).</param>
/// <param name="YLabel">The y axis label (likewise).</param>
/// <param name="Series">Every line, named "&lt;line&gt; (&lt;short execution id&gt;)".</param>
public sealed record CompareChart(string Title, string? XLabel, string? YLabel, IReadOnlyList<ChartSeries> Series);
