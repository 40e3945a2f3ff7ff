namespace DeepForge.Designer.Sweeps;

/// <summary>One run on the sweep page's scatter chart: a varied value against the sweep's metric.</summary>
internal sealed record SweepPoint(double X, double Y, string ExecutionId);
