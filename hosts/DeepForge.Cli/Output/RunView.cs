using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Cli.Output;

/// <summary>
/// Live progress of a run: each operation's status as it changes, and its output as it arrives,
/// prefixed with the node so parallel operations stay readable. Quiet (for --json) prints nothing.
/// </summary>
internal sealed class RunView(bool quiet) : IExecutionObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _partialLines = new();

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
        lock (_gate) Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {node.NodeId}: {detail}");
    }

    public void Log(string nodeId, string text)
    {
        if (quiet) return;
        lock (_gate)
        {
            var pending = _partialLines.GetValueOrDefault(nodeId, "") + text;
            var lines = pending.Split('\n');
            foreach (var line in lines[..^1]) Console.WriteLine($"{nodeId} | {line.TrimEnd('\r')}");
            _partialLines[nodeId] = lines[^1];
        }
    }

    /// <summary>Prints what is left of lines that did not end in a newline.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            foreach (var (node, rest) in _partialLines.Where(p => p.Value.Length > 0)) Console.WriteLine($"{node} | {rest}");
            _partialLines.Clear();
        }
    }

    private static string Duration(NodeRecord node) =>
        node is { StartedAt: { } s, FinishedAt: { } f } ? $"{(f - s).TotalSeconds:0.0} s" : "-";
}
