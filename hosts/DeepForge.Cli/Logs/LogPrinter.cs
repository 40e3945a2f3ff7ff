using DeepForge.Cli.Output;
using DeepForge.Models;

namespace DeepForge.Cli.Logs;

/// <summary>Prints an execution's log once, or follows it (statuses and new lines as they come) until the execution ends.</summary>
internal sealed class LogPrinter(IExecutionSource source, string executionId, string? wanted)
{
    private readonly Dictionary<string, long> _logAfter = new();

    public async Task<ExecutionRecord> PrintAsync(CancellationToken cancellationToken)
    {
        var (execution, nodes) = await ReadAsync(cancellationToken);
        foreach (var node in nodes)
        {
            var text = string.Concat(await NewTextAsync(node.NodeId, cancellationToken));
            if (wanted == null && text.Length == 0) continue;
            if (wanted == null) Console.WriteLine($"=== {node.NodeId} ({node.Status.ToString().ToLowerInvariant()}) ===");
            Console.Write(text);
        }
        return execution;
    }

    public async Task<ExecutionRecord> FollowAsync(CancellationToken cancellationToken)
    {
        var view = new RunView(quiet: false);
        var seen = new Dictionary<string, string>();
        while (true)
        {
            var (execution, nodes) = await ReadAsync(cancellationToken);
            foreach (var node in nodes)
            {
                var state = $"{node.Status}|{node.Attempts}|{node.Waiting}";
                if (seen.GetValueOrDefault(node.NodeId) != state && node.Status != NodeStatus.Pending)
                {
                    seen[node.NodeId] = state;
                    if (node.Waiting != null) Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {node.NodeId}: {node.Waiting}");
                    else view.NodeChanged(node);
                }
                foreach (var text in await NewTextAsync(node.NodeId, cancellationToken)) view.Log(node.NodeId, text);
            }
            // Read once more after the end was seen, so lines flushed with the last status are not lost.
            if (execution.Status is not (ExecutionStatus.Pending or ExecutionStatus.Running))
            {
                foreach (var node in nodes)
                    foreach (var text in await NewTextAsync(node.NodeId, cancellationToken)) view.Log(node.NodeId, text);
                view.Flush();
                Console.Error.WriteLine($"Execution {execution.Id} of {execution.Project}/{execution.Pipeline.Name}: {execution.Status.ToString().ToLowerInvariant()}");
                return execution;
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task<(ExecutionRecord Execution, IReadOnlyList<NodeRecord> Nodes)> ReadAsync(CancellationToken cancellationToken)
    {
        var (execution, nodes) = await source.ReadAsync(executionId, cancellationToken);
        if (wanted != null && nodes.All(n => n.NodeId != wanted) && execution.Pipeline.Nodes.All(n => n.Id != wanted))
            throw new DeepForgeException($"node '{wanted}'", $"execution {executionId} has no node '{wanted}' (nodes: {string.Join(", ", execution.Pipeline.Nodes.Select(n => n.Id))})");
        return (execution, nodes.Where(n => wanted == null || n.NodeId == wanted).ToList());
    }

    private async Task<IReadOnlyList<string>> NewTextAsync(string nodeId, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        while (true)
        {
            var (page, last) = await source.LogAfterAsync(executionId, nodeId, _logAfter.GetValueOrDefault(nodeId), cancellationToken);
            if (page.Count == 0) return texts;
            texts.AddRange(page);
            _logAfter[nodeId] = last;
        }
    }
}
