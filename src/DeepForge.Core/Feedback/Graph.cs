namespace DeepForge.Feedback;

/// <summary>A live graph of an operation, with named lines.</summary>
public sealed class Graph
{
    private readonly IFeedbackSink _sink;
    private readonly Dictionary<string, Line> _lines = new();

    internal Graph(IFeedbackSink sink, string id, string title)
    {
        _sink = sink;
        Id = id;
        Title = title;
        _sink.Feedback(new FeedbackEvent { Kind = "graph", Id = id, Text = title });
    }

    /// <summary>Stable id within the job.</summary>
    public string Id { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The line of that name, created on first use.</summary>
    public Line Line(string name)
    {
        lock (_lines)
        {
            if (!_lines.TryGetValue(name, out var line))
                _lines[name] = line = new Line(_sink, $"{Id}/{name}", Id, name);
            return line;
        }
    }

    /// <summary>Labels the x axis.</summary>
    public Graph XLabel(string label) => Label("xlabel", label);

    /// <summary>Labels the y axis.</summary>
    public Graph YLabel(string label) => Label("ylabel", label);

    private Graph Label(string kind, string label)
    {
        _sink.Feedback(new FeedbackEvent { Kind = kind, Id = Id, Text = label });
        return this;
    }
}
