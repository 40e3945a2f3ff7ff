using DeepForge.Feedback;

namespace DeepForge.Designer.Executions;

/// <summary>
/// A job's graphs and images, folded from its feedback events in order. Events about a graph or image that was
/// never announced (a stream read from its middle) still show, under the id as title.
/// </summary>
public sealed class NodeFeedback
{
    private readonly Dictionary<string, FeedbackGraph> _graphs = [];
    private readonly Dictionary<string, FeedbackLine> _lines = [];
    private readonly Dictionary<string, ShownImage> _images = [];
    private readonly List<FeedbackEvent> _metricEvents = [];
    private long _events;

    /// <summary>Graphs in the order they appeared.</summary>
    public IEnumerable<FeedbackGraph> Graphs => _graphs.Values;

    /// <summary>For each image title, the image that changed last, in the order the titles appeared.</summary>
    public IReadOnlyList<ShownImage> LatestImages =>
        _images.Values.GroupBy(i => i.Title).OrderBy(g => g.Min(i => i.Created)).Select(g => g.MaxBy(i => i.Changed)!).ToList();

    /// <summary>The operation's last progress report (from <c>context.Progress</c>), or null when it reported none.</summary>
    public ProgressReport? Progress { get; private set; }

    /// <summary>The metrics the operation reported (<c>context.Metric</c>): the last value of each name, in the order first reported.</summary>
    public IReadOnlyList<DeepForge.Metrics.Metric> Metrics => DeepForge.Metrics.MetricReport.Fold(_metricEvents);

    /// <summary>Applies the next event of the job's stream.</summary>
    internal void Apply(FeedbackEvent e)
    {
        _events++;
        switch (e.Kind)
        {
            case "graph": Graph(e.Id).Title = e.Text ?? e.Id; break;
            case "line": Line(e.Id, e.Parent ?? "", e.Text ?? e.Id); break;
            case "points": if (e.Points != null) Line(e.Id, e.Parent ?? "", e.Id).Add(e.Points); break;
            case "xlabel": Graph(e.Id).XLabel = e.Text; break;
            case "ylabel": Graph(e.Id).YLabel = e.Text; break;
            case "image": ShowImage(e.Id, e.Text, e.Png); break;
            case "image-title": Image(e.Id, e.Text).Title = e.Text ?? e.Id; break;
            case "image-update": Image(e.Id, null).Png = e.Png; break;
            case ProgressReport.Kind: Progress = ProgressReport.From(e) ?? Progress; break;
            case DeepForge.Metrics.MetricReport.Kind: _metricEvents.Add(e); break;
        }
    }

    private FeedbackGraph Graph(string id)
    {
        if (!_graphs.TryGetValue(id, out var graph)) _graphs[id] = graph = new FeedbackGraph(id);
        return graph;
    }

    // A line's id is "<graph id>/<name>", which names its graph when the "line" event was not seen.
    private FeedbackLine Line(string id, string parent, string name)
    {
        if (_lines.TryGetValue(id, out var line)) return line;
        var graphId = parent.Length > 0 ? parent : id.Split('/')[0];
        _lines[id] = line = new FeedbackLine(name == id && id.Contains('/') ? id[(id.IndexOf('/') + 1)..] : name);
        Graph(graphId).LineList.Add(line);
        return line;
    }

    private void ShowImage(string id, string? title, byte[]? png)
    {
        var image = Image(id, title);
        image.Title = title ?? image.Title;
        image.Png = png;
    }

    private ShownImage Image(string id, string? title)
    {
        if (!_images.TryGetValue(id, out var image)) _images[id] = image = new ShownImage(title ?? id, _events);
        image.Changed = _events;
        return image;
    }
}
