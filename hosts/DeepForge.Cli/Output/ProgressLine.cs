using DeepForge.Feedback;

namespace DeepForge.Cli.Output;

/// <summary>
/// What a node's progress line says: done of total, the operation's message, and the time left at the rate of
/// the current round (a round starts again when done goes down, as a new epoch does).
/// </summary>
internal sealed class ProgressLine
{
    private DateTimeOffset _roundStart;
    private long _roundFirst;

    public ProgressReport Last { get; private set; } = new(0, 0, null);

    public TimeSpan? Left { get; private set; }

    public void Update(ProgressReport report, DateTimeOffset now)
    {
        if (report.Done < Last.Done || Last.Total == 0 || report.Total != Last.Total) (_roundStart, _roundFirst) = (now, report.Done);
        Last = report;
        var seconds = (now - _roundStart).TotalSeconds;
        var doneSince = report.Done - _roundFirst;
        Left = doneSince > 0 && seconds > 0 ? TimeSpan.FromSeconds((report.Total - report.Done) * seconds / doneSince) : null;
    }

    public string Describe() =>
        $"{Last.Done}/{Last.Total} ({Last.Fraction * 100:0}%)" + (Last.Message is { Length: > 0 } m ? $" {m}" : "") +
        (Left is { } left ? $", {Format(left)} left" : "");

    private static string Format(TimeSpan left) => left.TotalHours >= 1 ? left.ToString(@"h\:mm\:ss") : left.ToString(@"m\:ss");
}
