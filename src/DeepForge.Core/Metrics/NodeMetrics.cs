namespace DeepForge.Metrics;

/// <summary>The metrics one node of an execution reported.</summary>
/// <param name="NodeId">The node.</param>
/// <param name="Operation">The node's operation.</param>
/// <param name="Metrics">Its metrics, in the order they were first reported.</param>
public sealed record NodeMetrics(string NodeId, string Operation, IReadOnlyList<Metric> Metrics);
