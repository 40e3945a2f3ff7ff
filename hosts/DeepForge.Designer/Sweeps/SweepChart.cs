using System.Text.Json;
using DeepForge.Sweeps;

namespace DeepForge.Designer.Sweeps;

/// <summary>
/// What the sweep page plots: the sweep's metric against the first varied attribute that is a number, one series per
/// value of the next varied attribute (a 2×2 grid of learning rate and batch size gives two lines of two points).
/// </summary>
internal static class SweepChart
{
    public static (string XAxis, IReadOnlyList<(string Title, IReadOnlyList<SweepPoint> Points)> Series)? Of(SweepTable table)
    {
        if (table.Metric == null) return null;
        var numeric = table.Sweep.Parameters.Select(p => p.Name)
            .Where(name => table.Rows.All(r => r.Values.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.Number)).ToList();
        if (numeric.Count == 0) return null;
        var x = numeric[0];
        var by = table.Sweep.Parameters.Select(p => p.Name).FirstOrDefault(n => n != x && table.Rows.Select(r => r.Values.GetValueOrDefault(n).ToString()).Distinct().Count() > 1);
        var scored = table.Rows.Where(r => r.Score != null).ToList();
        if (scored.Count == 0) return null;
        var series = scored.GroupBy(r => by == null ? "runs" : $"{by}={r.Values.GetValueOrDefault(by)}")
            .Select(g => (g.Key, (IReadOnlyList<SweepPoint>)g.Select(r => new SweepPoint(r.Values[x].GetDouble(), r.Score!.Value, r.ExecutionId)).OrderBy(p => p.X).ToList()))
            .ToList();
        return (x, series);
    }
}
