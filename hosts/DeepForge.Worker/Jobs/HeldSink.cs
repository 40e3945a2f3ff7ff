using DeepForge.Feedback;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// Where a job process's output goes: held while the process warms up with no job yet (a runtime warning printed
/// at start belongs to the job that will take the process, as it would had the process started for that job),
/// then to the sink of the job that took it, the held part first.
/// </summary>
internal sealed class HeldSink : IFeedbackSink
{
    // A process that prints without end before it has a job is broken; what it printed first tells why.
    private const int MaxHeld = 1000;

    private readonly Lock _gate = new();
    private readonly List<Action<IFeedbackSink>> _held = [];
    private IFeedbackSink? _target;

    public void Log(string text) => Send(sink => sink.Log(text));

    public void Feedback(FeedbackEvent feedbackEvent) => Send(sink => sink.Feedback(feedbackEvent));

    /// <summary>Sends what was held to <paramref name="target"/>, and from now on everything.</summary>
    public void Attach(IFeedbackSink target)
    {
        lock (_gate)
        {
            foreach (var send in _held) send(target);
            _held.Clear();
            _target = target;
        }
    }

    private void Send(Action<IFeedbackSink> send)
    {
        lock (_gate)
        {
            if (_target != null) send(_target);
            else if (_held.Count < MaxHeld) _held.Add(send);
        }
    }
}
