namespace DeepForge.Designer.Executions;

/// <summary>A named line of a graph as feedback events build it.</summary>
public sealed class FeedbackLine
{
    private readonly List<ChartPoint> _points = [];
    private ChartPoint[]? _snapshot;

    internal FeedbackLine(string name) => Name = name;

    /// <summary>The name in the legend.</summary>
    public string Name { get; }

    /// <summary>How many points it has.</summary>
    public int Count => _points.Count;

    /// <summary>The points so far; a new array after each change, as the chart only redraws when its data is another object.</summary>
    public IReadOnlyList<ChartPoint> Points => _snapshot ??= [.. _points];

    /// <summary>
    /// Adds points given as x0, y0, x1, y1, ...; an odd last number has no pair and is ignored. A point whose y is
    /// not finite is kept as a gap that says so; one whose x is not finite has no place on the axis and is left out.
    /// </summary>
    internal void Add(double[] xy)
    {
        for (var i = 0; i + 1 < xy.Length; i += 2)
            if (double.IsFinite(xy[i])) _points.Add(ChartPoint.Of(xy[i], xy[i + 1]));
        _snapshot = null;
    }
}
