using System.Text;
using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Collects a job's log and feedback and writes them to the store in batches, at most one flush
/// interval apart, so a live view never waits long and a busy training loop is not slowed by I/O.
/// </summary>
internal sealed class StreamingSink : IFeedbackSink, IAsyncDisposable
{
    private readonly IDocumentStore _store;
    private readonly string _logStream;
    private readonly string _feedbackStream;
    private readonly string _nodeId;
    private readonly IExecutionObserver? _observer;
    private readonly Lock _gate = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;
    private StringBuilder _log = new();
    private List<FeedbackEvent> _events = [];

    public StreamingSink(IDocumentStore store, string executionId, string nodeId, TimeSpan interval, IExecutionObserver? observer)
    {
        (_store, _nodeId, _observer) = (store, nodeId, observer);
        _logStream = Collections.LogStream(executionId, nodeId);
        _feedbackStream = Collections.FeedbackStream(executionId, nodeId);
        _timer = new PeriodicTimer(interval);
        _loop = RunAsync();
    }

    public void Log(string text)
    {
        lock (_gate) _log.Append(text);
        if (_observer == null) return;
        using var _ = ConsoleCapture.Suspend();
        _observer.Log(_nodeId, text);
    }

    public void Feedback(FeedbackEvent feedbackEvent)
    {
        lock (_gate) Append(feedbackEvent);
        if (_observer == null) return;
        using var _ = ConsoleCapture.Suspend();
        _observer.Feedback(_nodeId, feedbackEvent);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        string log;
        List<FeedbackEvent> events;
        lock (_gate)
        {
            (log, _log) = (_log.ToString(), new StringBuilder());
            (events, _events) = (_events, []);
        }
        if (log.Length > 0) await _store.AppendAsync(_logStream, [log], cancellationToken);
        if (events.Count > 0) await _store.AppendAsync(_feedbackStream, events.Select(Json.Serialize).ToList(), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the timer ends the loop without an exception: this runs once per job, so it stays cheap.
        _timer.Dispose();
        await _loop;
        await FlushAsync(CancellationToken.None);
    }

    // Points added to the same line one after another travel as one event.
    private void Append(FeedbackEvent next)
    {
        if (next.Kind == "points" && _events.Count > 0 && _events[^1] is { Kind: "points" } last && last.Id == next.Id)
            _events[^1] = last with { Points = [.. last.Points!, .. next.Points!] };
        else
            _events.Add(next);
    }

    private async Task RunAsync()
    {
        // A flush is not cancelled once it has taken the buffered text: stopping mid-write would lose that batch.
        while (await _timer.WaitForNextTickAsync()) await FlushAsync(CancellationToken.None);
    }
}
