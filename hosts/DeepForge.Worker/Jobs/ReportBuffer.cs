using System.Text;
using DeepForge.Feedback;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// A running job's log and feedback not yet sent to the server. Heartbeats take a batch; a batch the
/// server did not receive goes back in front, so nothing is lost while the server restarts. While the
/// server stays away the log keeps its last <see cref="MaxLogChars"/> characters and says how much it dropped.
/// </summary>
internal sealed class ReportBuffer : IFeedbackSink
{
    public const int MaxLogChars = 4 << 20;

    private readonly Lock _gate = new();
    private StringBuilder _log = new();
    private List<FeedbackEvent> _events = [];
    private long _dropped;

    public void Log(string text)
    {
        if (text.Length == 0) return;
        lock (_gate)
        {
            _log.Append(text);
            Trim();
        }
    }

    public void Feedback(FeedbackEvent feedbackEvent)
    {
        lock (_gate) Append(_events, feedbackEvent);
    }

    public bool HasPending
    {
        get { lock (_gate) return _log.Length > 0 || _events.Count > 0 || _dropped > 0; }
    }

    public bool HasPendingFeedback
    {
        get { lock (_gate) return _events.Count > 0; }
    }

    /// <summary>Takes everything pending.</summary>
    public Batch Take()
    {
        lock (_gate)
        {
            var log = _log.ToString();
            if (_dropped > 0) log = $"[{_dropped} characters of log dropped while the server could not be reached]\n" + log;
            var batch = new Batch(log.Length == 0 ? [] : [log], _events);
            (_log, _events, _dropped) = (new StringBuilder(), [], 0);
            return batch;
        }
    }

    /// <summary>Puts back a batch the server did not take, before what arrived since.</summary>
    public void Restore(Batch batch)
    {
        lock (_gate)
        {
            var log = new StringBuilder();
            foreach (var text in batch.Log) log.Append(text);
            _log = log.Append(_log);
            var events = new List<FeedbackEvent>(batch.Feedback);
            foreach (var e in _events) Append(events, e);
            _events = events;
            Trim();
        }
    }

    private void Trim()
    {
        if (_log.Length <= MaxLogChars) return;
        var excess = _log.Length - MaxLogChars;
        _log.Remove(0, excess);
        _dropped += excess;
    }

    // Points added to the same line one after another travel as one event (as the engine's own sink does).
    private static void Append(List<FeedbackEvent> events, FeedbackEvent next)
    {
        if (next.Kind == "points" && events.Count > 0 && events[^1] is { Kind: "points" } last && last.Id == next.Id)
            events[^1] = last with { Points = [.. last.Points!, .. next.Points!] };
        else
            events.Add(next);
    }

    /// <summary>Log text and feedback events taken for one report.</summary>
    public sealed record Batch(IReadOnlyList<string> Log, IReadOnlyList<FeedbackEvent> Feedback)
    {
        public bool IsEmpty => Log.Count == 0 && Feedback.Count == 0;
    }
}
