using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Runtime;
using Spectre.Console;

namespace DeepForge.Cli.Output;

/// <summary>
/// Live progress of a run: each operation's status as it changes, and its output as it arrives,
/// prefixed with the node so parallel operations stay readable. Quiet (for --json) prints nothing. A failure's
/// DeepForge frames are left out unless <paramref name="verbose"/>: its frames in the project's code are what people fix.
/// </summary>
internal sealed class RunView(bool quiet, bool verbose = false) : IExecutionObserver
{
    private const string HiddenFrames = "   (DeepForge frames hidden: --verbose shows them)";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _partialLines = new();
    private readonly ProgressView _progress = new(!quiet && ProgressView.CanRedraw);

    public void NodeChanged(NodeRecord node)
    {
        if (quiet) return;
        var detail = node.Status switch
        {
            NodeStatus.Running => $"running (attempt {node.Attempts}{(node.CacheMissReason is { } r ? $"; not cached: {r}" : "")})",
            NodeStatus.Succeeded when node.FromCache => "succeeded (reused cached outputs)",
            NodeStatus.Succeeded => $"succeeded in {Duration(node)}",
            NodeStatus.Failed => $"FAILED: {node.Error}",
            _ => node.Status.ToString().ToLowerInvariant(),
        };
        if (node.Status != NodeStatus.Running) _progress.Ended(node.NodeId);
        lock (_gate) Error($"[{DateTime.Now:HH:mm:ss}] {node.NodeId}: {detail}");
    }

    public void Feedback(string nodeId, FeedbackEvent feedbackEvent)
    {
        if (!quiet && ProgressReport.From(feedbackEvent) is { } report) _progress.Report(nodeId, report);
    }

    public void Log(string nodeId, string text)
    {
        if (quiet) return;
        lock (_gate)
        {
            var pending = _partialLines.GetValueOrDefault(nodeId, "") + (verbose ? text : Failures.FailureText.WithoutEngineFrames(text, HiddenFrames));
            var lines = pending.Split('\n');
            foreach (var line in lines[..^1]) Out($"{nodeId} | {line.TrimEnd('\r')}");
            _partialLines[nodeId] = lines[^1];
        }
    }

    /// <summary>Prints what is left of lines that did not end in a newline.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            foreach (var (node, rest) in _partialLines.Where(p => p.Value.Length > 0)) Out($"{node} | {rest}");
            _partialLines.Clear();
        }
        _progress.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    // While the live bars are drawn, lines go through Spectre so they land above the bars instead of through them.
    private void Out(string line)
    {
        if (_progress.IsLive) AnsiConsole.WriteLine(line);
        else Console.WriteLine(line);
    }

    private void Error(string line)
    {
        if (_progress.IsLive) AnsiConsole.WriteLine(line);
        else Console.Error.WriteLine(line);
    }

    private static string Duration(NodeRecord node) =>
        node is { StartedAt: { } s, FinishedAt: { } f } ? $"{(f - s).TotalSeconds:0.0} s" : "-";
}
