using System.Text.Json;
using DeepForge.Cli.Metrics;
using DeepForge.Models;
using DeepForge.Sweeps;
using Spectre.Console;

namespace DeepForge.Cli.Sweeps;

/// <summary>A sweep's table in a terminal: every run's values, status and final metrics, best first, the best marked.</summary>
internal static class SweepPrinter
{
    /// <summary>Metric columns beyond the sweep's own: enough to compare runs, few enough for a terminal (per-class accuracies are many).</summary>
    private const int MoreMetrics = 4;

    public static void Print(SweepTable table)
    {
        var sweep = table.Sweep;
        var metrics = Columns(table);
        var grid = new Table().AddColumn("").AddColumn("Execution");
        foreach (var parameter in sweep.Parameters) grid.AddColumn(Markup.Escape(parameter.Name));
        grid.AddColumn("Status");
        foreach (var metric in metrics) grid.AddColumn(Markup.Escape(metric));
        foreach (var row in table.Rows)
        {
            string[] cells = [row.Best ? "best" : "", row.ExecutionId, .. sweep.Parameters.Select(p => Markup.Escape(Text(row.Values.GetValueOrDefault(p.Name)))),
                row.Status.ToString().ToLowerInvariant(), .. metrics.Select(m => row.Metrics.TryGetValue(m, out var v) ? MetricsCell.Value(v) : "")];
            grid.AddRow(cells);
        }
        AnsiConsole.Write(grid);
        var hidden = table.MetricNames.Count - metrics.Count;
        if (hidden > 0) Console.WriteLine($"({hidden} more metrics: deepforge sweep show {sweep.Project} {sweep.Id} --json shows them all)");
        Console.WriteLine(Summary(table));
    }

    /// <summary>The line under the table: the best run and its values, or why there is none yet.</summary>
    public static string Summary(SweepTable table)
    {
        var goal = table.Sweep.Goal == SweepGoal.Max ? "highest" : "lowest";
        if (table.Rows.FirstOrDefault(r => r.Best) is { } best)
            return $"Best: execution {best.ExecutionId} ({Values(table.Sweep, best)}), {table.Metric} {MetricsCell.Value(best.Score!.Value)} ({goal} is best)";
        if (table.Metric == null && table.Sweep.Metric is { } asked && table.MetricNames.Count > 0)
            return $"No run reported the metric '{asked}' (they reported: {string.Join(", ", table.MetricNames)}): give one of those to --metric";
        return table.Rows.Any(r => r.Status == ExecutionStatus.Succeeded)
            ? "No best run: the runs that succeeded reported no metrics and drew no graphs"
            : "No best run yet: no run has succeeded";
    }

    public static string Values(SweepRecord sweep, SweepRow row) =>
        string.Join(", ", sweep.Parameters.Select(p => $"{p.Name}={Text(row.Values.GetValueOrDefault(p.Name))}"));

    private static List<string> Columns(SweepTable table) =>
        (table.Metric is { } metric ? [metric, .. table.MetricNames.Where(n => n != metric).Take(MoreMetrics)] : table.MetricNames.Take(MoreMetrics + 1)).ToList();

    private static string Text(JsonElement value) =>
        value.ValueKind switch { JsonValueKind.String => value.GetString()!, JsonValueKind.Undefined => "", _ => value.GetRawText() };
}
