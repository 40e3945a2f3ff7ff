namespace DeepForge.Designer.Components.Executions;

/// <summary>A point of a line chart; the chart reads X and Y by name.</summary>
/// <param name="X">Along the x axis (a step, an epoch).</param>
/// <param name="Y">Its value.</param>
public sealed record ChartPoint(double X, double Y);
