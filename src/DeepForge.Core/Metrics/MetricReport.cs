using DeepForge.Feedback;

namespace DeepForge.Metrics;

/// <summary>
/// A metric as it travels with the feedback: an event of kind <c>metric</c> whose id is the metric's name and whose one
/// point is its value. One kind of feedback, so stores, job processes, workers and the server carry it unchanged.
/// </summary>
public static class MetricReport
{
    /// <summary>The feedback kind.</summary>
    public const string Kind = "metric";

    /// <summary>The event that carries a metric.</summary>
    public static FeedbackEvent Event(string name, double value) => new() { Kind = Kind, Id = name, Points = [value] };

    /// <summary>The metric an event carries, or null when it is not a metric event.</summary>
    public static Metric? From(FeedbackEvent e) =>
        e is { Kind: Kind, Points: [var value, ..] } && e.Id.Length > 0 ? new Metric(e.Id, value) : null;

    /// <summary>The metrics of a job's feedback: the last value of each name, in the order the names were first reported.</summary>
    public static IReadOnlyList<Metric> Fold(IEnumerable<FeedbackEvent> events)
    {
        var order = new List<string>();
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var metric in events.Select(From).OfType<Metric>())
        {
            if (!values.ContainsKey(metric.Name)) order.Add(metric.Name);
            values[metric.Name] = metric.Value;
        }
        return order.Select(name => new Metric(name, values[name])).ToList();
    }
}
