using DeepForge.Feedback;
using Spectre.Console;

namespace DeepForge.Cli.Output;

/// <summary>
/// Each running operation's progress: in a terminal a live Spectre.Console progress bar per node; when the
/// output goes to a file or pipe, a plain line per node at most every two seconds (and when a round completes).
/// </summary>
internal sealed class ProgressView : IAsyncDisposable
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ProgressLine> _lines = new();
    private readonly Dictionary<string, DateTimeOffset> _printed = new();
    private readonly Dictionary<string, ProgressTask> _tasks = new();
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _live;
    private ProgressContext? _context;
    private Task? _display;

    public ProgressView(bool live) => _live = live;

    /// <summary>True when both outputs are a terminal that can redraw: only then is the live display used.</summary>
    public static bool CanRedraw => !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>While the live display runs, every line must go through Spectre so it lands above the bars.</summary>
    public bool IsLive => _live;

    public void Report(string nodeId, ProgressReport report)
    {
        var now = DateTimeOffset.Now;
        lock (_gate)
        {
            if (!_lines.TryGetValue(nodeId, out var line)) _lines[nodeId] = line = new ProgressLine();
            line.Update(report, now);
            if (_live) ShowLive(nodeId, line);
            else PrintPlain(nodeId, line, now);
        }
    }

    /// <summary>The node ended: its bar goes.</summary>
    public void Ended(string nodeId)
    {
        lock (_gate)
        {
            _lines.Remove(nodeId);
            if (_tasks.Remove(nodeId, out var task)) task.StopTask();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.TrySetResult();
        if (_display != null) await _display;
    }

    private void PrintPlain(string nodeId, ProgressLine line, DateTimeOffset now)
    {
        var complete = line.Last.Done >= line.Last.Total;
        if (!complete && _printed.TryGetValue(nodeId, out var last) && now - last < PlainInterval) return;
        _printed[nodeId] = now;
        Console.Error.WriteLine($"[{now:HH:mm:ss}] {nodeId}: progress {line.Describe()}");
    }

    private void ShowLive(string nodeId, ProgressLine line)
    {
        _display ??= StartDisplay();
        if (_context == null) return;
        if (!_tasks.TryGetValue(nodeId, out var task)) _tasks[nodeId] = task = _context.AddTask(Markup.Escape(nodeId));
        task.MaxValue = Math.Max(1, line.Last.Total);
        task.Value = line.Last.Done;
        task.Description = Markup.Escape($"{nodeId} {line.Last.Message}");
    }

    private Task StartDisplay()
    {
        var started = new ManualResetEventSlim();
        var display = AnsiConsole.Progress().AutoClear(true).HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                _context = context;
                started.Set();
                while (!_stop.Task.IsCompleted)
                {
                    context.Refresh();
                    await Task.WhenAny(_stop.Task, Task.Delay(200));
                }
            });
        started.Wait(TimeSpan.FromSeconds(2));
        return display;
    }
}
