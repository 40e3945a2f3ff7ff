namespace DeepForge.Feedback;

/// <summary>
/// An operation's progress as it travels with the feedback: an event of kind <c>progress</c> whose points are
/// (done, total) and whose text is the operation's message. One kind, so stores, workers and the server carry it unchanged.
/// </summary>
public sealed record ProgressReport(long Done, long Total, string? Message)
{
    /// <summary>The feedback kind.</summary>
    public const string Kind = "progress";

    /// <summary>The fraction done, from 0 to 1.</summary>
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);

    /// <summary>The event that carries a report.</summary>
    public static FeedbackEvent Event(long done, long total, string? message) =>
        new() { Kind = Kind, Id = "progress", Text = message, Points = [done, total] };

    /// <summary>The report an event carries, or null when it is not a progress event.</summary>
    public static ProgressReport? From(FeedbackEvent e) =>
        e is { Kind: Kind, Points: [var done, var total, ..] } ? new ProgressReport((long)done, (long)total, e.Text) : null;
}
