namespace DeepForge.Sweeps;

/// <summary>A sweep's runs with their values and final metrics, best first by the sweep's metric and goal.</summary>
/// <param name="Sweep">The sweep.</param>
/// <param name="Metric">The column the runs are judged by: the sweep's metric as the runs name it, or the first they report; null while none reported it.</param>
/// <param name="MetricNames">Every metric column, in the order the runs first reported them.</param>
/// <param name="Rows">The runs: those with a score best first, then the rest in the order they started.</param>
/// <param name="Finished">Whether every run has ended (succeeded, failed or cancelled).</param>
public sealed record SweepTable(SweepRecord Sweep, string? Metric, IReadOnlyList<string> MetricNames, IReadOnlyList<SweepRow> Rows, bool Finished);
