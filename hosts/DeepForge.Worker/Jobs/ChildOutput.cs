using System.Text;
using DeepForge.Feedback;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// The child's side of stdout: log text and feedback as marked JSON lines. Log travels as soon as a
/// line is complete (the last lines before a crash are the ones that matter); pieces of a line wait
/// for its end or the next 50 ms flush, and feedback is flushed every 50 ms, so a loop adding points
/// is not slowed by a write per point.
/// </summary>
internal sealed class ChildOutput : IFeedbackSink, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private readonly StringBuilder _log = new();
    private readonly Timer _timer;
    private bool _disposed;

    public ChildOutput(Stream stdout)
    {
        _writer = new StreamWriter(stdout, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
        _timer = new Timer(_ => Flush(), null, 50, 50);
    }

    public void Log(string text)
    {
        lock (_gate)
        {
            _log.Append(text);
            if (!text.Contains('\n')) return;
            WritePendingLog();
            if (!_disposed) _writer.Flush();
        }
    }

    public void Feedback(FeedbackEvent feedbackEvent)
    {
        lock (_gate)
        {
            WritePendingLog();
            WriteLine(new ChildMessage(Feedback: feedbackEvent));
        }
    }

    /// <summary>Tells the worker that this warm process is ready for its job.</summary>
    public void Ready()
    {
        lock (_gate)
        {
            WriteLine(new ChildMessage(Ready: true));
            if (!_disposed) _writer.Flush();
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            if (_disposed) return;
            WritePendingLog();
            _writer.Flush();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush();
        lock (_gate) _disposed = true;
    }

    private void WritePendingLog()
    {
        if (_log.Length == 0) return;
        WriteLine(new ChildMessage(Log: _log.ToString()));
        _log.Clear();
    }

    private void WriteLine(ChildMessage message)
    {
        if (_disposed) return;
        _writer.Write(ChildProtocol.Format(message));
        _writer.Write('\n');
    }
}
