namespace DeepForge.Designer.Executions;

/// <summary>A graph of a job as feedback events build it: title, axis labels and lines in the order they appeared.</summary>
public sealed class FeedbackGraph
{
    internal FeedbackGraph(string title) => Title = title;

    /// <summary>The title the operation gave it.</summary>
    public string Title { get; internal set; }

    /// <summary>The x axis label, if any.</summary>
    public string? XLabel { get; internal set; }

    /// <summary>The y axis label, if any.</summary>
    public string? YLabel { get; internal set; }

    /// <summary>Its lines, in the order they appeared.</summary>
    public IReadOnlyList<FeedbackLine> Lines => LineList;

    internal List<FeedbackLine> LineList { get; } = [];

    /// <summary>Every line as a chart series.</summary>
    public IReadOnlyList<ChartSeries> Series(Func<string, string>? name = null) =>
        LineList.Select(l => new ChartSeries(name?.Invoke(l.Name) ?? l.Name, l.Points)).ToList();
}
