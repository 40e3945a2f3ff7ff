using System.Text.Json.Serialization;

namespace DeepForge.Feedback;

/// <summary>
/// One change to an operation's feedback, in the order it happened: a graph or line created, points
/// added, a label or title set, an image shown or replaced. Stored as a stream with the execution.
/// </summary>
public sealed record FeedbackEvent
{
    /// <summary>graph, line, points, xlabel, ylabel, image, image-title, image-update, progress.</summary>
    [JsonPropertyName("k")] public string Kind { get; init; } = "";

    /// <summary>The graph, line or image the event is about.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";

    /// <summary>For a line: its graph.</summary>
    [JsonPropertyName("p")] public string? Parent { get; init; }

    /// <summary>A title, name or label.</summary>
    [JsonPropertyName("t")] public string? Text { get; init; }

    /// <summary>Points as x0, y0, x1, y1, ...</summary>
    [JsonPropertyName("xy")] public double[]? Points { get; init; }

    /// <summary>An image as PNG.</summary>
    [JsonPropertyName("png")] public byte[]? Png { get; init; }
}
