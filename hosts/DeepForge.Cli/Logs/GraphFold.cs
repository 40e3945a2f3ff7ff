using DeepForge.Feedback;

namespace DeepForge.Cli.Logs;

/// <summary>Folds a node's feedback events into its graphs (title and named lines of points), in the order they appeared.</summary>
internal sealed class GraphFold
{
    private readonly Dictionary<string, string> _titles = new();
    private readonly Dictionary<string, (string Graph, string Name, List<(double X, double Y)> Points)> _lines = new();

    public void Apply(FeedbackEvent e)
    {
        switch (e.Kind)
        {
            case "graph": _titles[e.Id] = e.Text ?? e.Id; break;
            case "line": Line(e.Id, e.Parent, e.Text); break;
            case "points" when e.Points != null:
                var points = Line(e.Id, e.Parent, null).Points;
                for (var i = 0; i + 1 < e.Points.Length; i += 2) points.Add((e.Points[i], e.Points[i + 1]));
                break;
        }
    }

    public IEnumerable<string> Render() =>
        _lines.Values.GroupBy(l => l.Graph).Select(g => TextChart.Render(_titles.GetValueOrDefault(g.Key, g.Key),
            g.Select(l => (l.Name, (IReadOnlyList<(double, double)>)l.Points)).ToList()));

    // A line's id is "<graph id>/<name>", which names its graph when the "line" event was not seen.
    private (string Graph, string Name, List<(double X, double Y)> Points) Line(string id, string? parent, string? name)
    {
        if (_lines.TryGetValue(id, out var line)) return line;
        var slash = id.IndexOf('/');
        var graph = parent ?? (slash > 0 ? id[..slash] : id);
        return _lines[id] = (graph, name ?? (slash > 0 ? id[(slash + 1)..] : id), []);
    }
}
