namespace DeepForge.Metrics;

/// <summary>A number an operation reported about its run (an accuracy, a final loss): the last value reported under its name.</summary>
/// <param name="Name">The name the operation gave, such as <c>accuracy</c> or <c>accuracy/cat</c>.</param>
/// <param name="Value">The value; NaN and ±Infinity are kept as they are (a diverged loss is data).</param>
public sealed record Metric(string Name, double Value);
