using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Sweeps;

/// <summary>One run of a sweep as its table shows it.</summary>
/// <param name="ExecutionId">The run's execution.</param>
/// <param name="Status">Where the execution stands.</param>
/// <param name="Values"><c>node.attribute</c> to the value the run was given.</param>
/// <param name="Metrics">The run's final metrics by column name (see <see cref="SweepTable.MetricNames"/>).</param>
/// <param name="Score">The value of the sweep's metric, when the run reported it.</param>
/// <param name="Best">Whether this is the best run so far by the sweep's metric and goal.</param>
public sealed record SweepRow(
    string ExecutionId, ExecutionStatus Status, IReadOnlyDictionary<string, JsonElement> Values, IReadOnlyDictionary<string, double> Metrics, double? Score, bool Best);
