using System.Text.Json;
using DeepForge.Sweeps;

namespace DeepForge.Designer.Sweeps;

/// <summary>
/// The order of a sweep page's table: by a column a person clicked (a value, the status or a metric), ascending then
/// descending on a second click; by the sweep's own ranking (best first) until then. Rows without the value go last.
/// </summary>
internal sealed class SweepSort
{
    public string? Column { get; private set; }

    public bool Descending { get; private set; }

    public void Toggle(string column) => (Column, Descending) = (column, Column == column && !Descending);

    public string Mark(string column) => Column != column ? "" : Descending ? " ▼" : " ▲";

    public IEnumerable<SweepRow> Apply(IReadOnlyList<SweepRow> rows)
    {
        if (Column == null) return rows;
        var keyed = rows.Select(r => (Row: r, Key: Key(r))).ToList();
        var present = keyed.Where(k => k.Key != null);
        var ordered = Descending ? present.OrderByDescending(k => k.Key, Comparer) : present.OrderBy(k => k.Key, Comparer);
        return ordered.Concat(keyed.Where(k => k.Key == null)).Select(k => k.Row);
    }

    public static string ValueColumn(string parameter) => "v:" + parameter;

    public static string MetricColumn(string metric) => "m:" + metric;

    private IComparable? Key(SweepRow row) => Column switch
    {
        "execution" => row.ExecutionId,
        "status" => row.Status.ToString(),
        ['v', ':', .. var name] => row.Values.TryGetValue(name, out var value) ? Of(value) : null,
        ['m', ':', .. var name] => row.Metrics.TryGetValue(name, out var metric) ? metric : null,
        _ => null,
    };

    // Numbers by value, anything else by its text; a column mixing both puts numbers first.
    private static IComparable Of(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : value.ToString();

    private static readonly IComparer<IComparable?> Comparer = Comparer<IComparable?>.Create((a, b) =>
        a is double x && b is double y ? x.CompareTo(y)
        : a is double ? -1 : b is double ? 1
        : string.CompareOrdinal(a?.ToString(), b?.ToString()));
}
