using DeepForge.Feedback;

namespace DeepForge.Runtime;

/// <summary>
/// What an operation reports (its log and feedback), held back while a checkpoint it took is being stored and passed on
/// in order once it is: whoever reads the job's log or feedback sees nothing the operation did after a checkpoint before
/// that checkpoint is stored (a training's "epoch 2/5" line means epoch 2's checkpoint survives a crash).
/// </summary>
internal sealed class OrderedSink(IFeedbackSink inner) : IFeedbackSink
{
    private readonly Lock _gate = new();
    private readonly Queue<Action<IFeedbackSink>> _held = new();
    private int _storing;

    public void Log(string text) => Send(sink => sink.Log(text));

    public void Feedback(FeedbackEvent feedbackEvent) => Send(sink => sink.Feedback(feedbackEvent));

    /// <summary>A checkpoint is being stored: hold what comes next.</summary>
    public void Hold()
    {
        lock (_gate) _storing++;
    }

    /// <summary>A checkpoint is stored (or failed to be): once none is left, pass on what was held, in order.</summary>
    public void Release()
    {
        lock (_gate)
        {
            if (--_storing > 0) return;
            while (_held.TryDequeue(out var send)) send(inner);
        }
    }

    private void Send(Action<IFeedbackSink> send)
    {
        lock (_gate)
        {
            if (_storing > 0) _held.Enqueue(send);
            else send(inner);
        }
    }
}
