namespace DeepForge.Feedback;

/// <summary>A named line of a <see cref="Graph"/>.</summary>
public sealed class Line
{
    private readonly IFeedbackSink _sink;

    internal Line(IFeedbackSink sink, string id, string graphId, string name)
    {
        _sink = sink;
        Id = id;
        Name = name;
        _sink.Feedback(new FeedbackEvent { Kind = "line", Id = id, Parent = graphId, Text = name });
    }

    /// <summary>Stable id within the job.</summary>
    public string Id { get; }

    /// <summary>The name shown in the legend.</summary>
    public string Name { get; }

    /// <summary>Adds the point (x, y).</summary>
    public Line Add(double x, double y)
    {
        _sink.Feedback(new FeedbackEvent { Kind = "points", Id = Id, Points = [x, y] });
        return this;
    }
}
