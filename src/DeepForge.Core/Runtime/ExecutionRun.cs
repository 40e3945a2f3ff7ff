using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Drives one execution to its end: a node runs when all its inputs exist, ready nodes run in
/// parallel, and every transition is stored before anything acts on it, so a killed process
/// leaves a record that <c>resume</c> continues without re-running finished operations.
/// </summary>
internal sealed class ExecutionRun(DeepForgeStore store, NodeRunner nodeRunner, int maxParallel, IExecutionObserver? observer)
{
    private readonly Dictionary<string, NodeRecord> _nodes = new();
    private ExecutionRecord _execution = null!;
    private PipelineGraph _graph = null!;

    public async Task<ExecutionRecord> RunAsync(string executionId, CancellationToken cancellationToken)
    {
        _execution = await ClaimAsync(executionId, cancellationToken);
        if (_execution.Status != ExecutionStatus.Running) return _execution;
        await LoadNodesAsync(cancellationToken);
        _graph = new PipelineGraph(_execution.Pipeline, _nodes);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = WatchForCancelAsync(cancel);
        var outcome = await RunNodesAsync(cancel.Token);
        await cancel.CancelAsync();
        await watcher;
        cancellationToken.ThrowIfCancellationRequested();
        return await FinishAsync(outcome, CancellationToken.None);
    }

    private async Task<ExecutionRecord> ClaimAsync(string executionId, CancellationToken cancellationToken)
    {
        var current = await store.Executions.GetAsync(executionId, cancellationToken)
            ?? throw new DeepForgeException($"execution '{executionId}'", $"there is no execution '{executionId}'");
        if (current.Value is { Status: ExecutionStatus.Running, Owner: { } owner } && owner != ProcessIdentity.Current && ProcessIdentity.IsAlive(owner))
            throw new DeepForgeException($"execution '{executionId}'", $"execution '{executionId}' is running in process {owner.ProcessId} on {owner.Host}");
        if (current.Value.Status == ExecutionStatus.Succeeded) return current.Value;
        return await store.Executions.UpdateAsync(executionId, current.Value.Project, e =>
        {
            e.Status = ExecutionStatus.Running;
            e.Owner = ProcessIdentity.Current;
            e.CancelRequested = false;
            e.FinishedAt = null;
            e.Error = null;
            return e;
        }, cancellationToken);
    }

    private async Task LoadNodesAsync(CancellationToken cancellationToken)
    {
        foreach (var node in await store.Nodes.ListAsync(_execution.Id, cancellationToken))
        {
            // A node that was running when its process died, or that failed or was stopped last time, runs again.
            if (node.Status is NodeStatus.Running or NodeStatus.Failed or NodeStatus.Cancelled or NodeStatus.Skipped)
            {
                if (node.Status != NodeStatus.Running) node.Attempts = 0;
                node.Status = NodeStatus.Pending;
                node.Error = null;
                await SaveAsync(node, cancellationToken);
            }
            _nodes[node.NodeId] = node;
        }
    }

    private async Task<RunOutcome> RunNodesAsync(CancellationToken cancellationToken)
    {
        var running = new Dictionary<string, Task<NodeRecord>>();
        var outcome = RunOutcome.Succeeded;
        while (true)
        {
            while (outcome == RunOutcome.Succeeded && !cancellationToken.IsCancellationRequested
                   && running.Count < maxParallel && _graph.TryTakeReady(out var ready))
                running[ready] = RunNodeAsync(ready, cancellationToken);
            if (running.Count == 0) break;
            var done = await Task.WhenAny(running.Values);
            var record = await done;
            running.Remove(record.NodeId);
            _nodes[record.NodeId] = record;
            if (record.Status == NodeStatus.Succeeded) _graph.Succeeded(record.NodeId);
            if (record.Status == NodeStatus.Failed) outcome = RunOutcome.Failed;
            if (record.Status == NodeStatus.Cancelled && outcome == RunOutcome.Succeeded) outcome = RunOutcome.Cancelled;
        }
        if (cancellationToken.IsCancellationRequested && outcome == RunOutcome.Succeeded) outcome = RunOutcome.Cancelled;
        return outcome;
    }

    // Whatever goes wrong around a node (not inside its operation) fails that node, never leaves the run hanging as Running.
    private async Task<NodeRecord> RunNodeAsync(string nodeId, CancellationToken cancellationToken)
    {
        try
        {
            return await nodeRunner.RunAsync(_execution, _nodes[nodeId], InputsOf(nodeId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var node = _nodes[nodeId];
            node.Status = NodeStatus.Failed;
            node.Error = e.Message;
            node.FinishedAt = DateTimeOffset.UtcNow;
            await SaveAsync(node, CancellationToken.None);
            return node;
        }
    }

    private Dictionary<string, OutputValue> InputsOf(string nodeId)
    {
        var inputs = new Dictionary<string, OutputValue>();
        foreach (var (source, targetPort) in _graph.Incoming(nodeId))
            if (_nodes[source.Node].Outputs.TryGetValue(source.Port, out var value))
                inputs[targetPort] = value;
        return inputs;
    }

    private async Task WatchForCancelAsync(CancellationTokenSource cancel)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(cancel.Token))
                if ((await store.Executions.GetAsync(_execution.Id, cancel.Token))?.Value.CancelRequested == true)
                    await cancel.CancelAsync();
        }
        catch (OperationCanceledException) { }
    }

    private async Task<ExecutionRecord> FinishAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        var leftStatus = outcome == RunOutcome.Cancelled ? NodeStatus.Cancelled : NodeStatus.Skipped;
        foreach (var node in _nodes.Values.Where(n => n.Status == NodeStatus.Pending))
        {
            node.Status = leftStatus;
            await SaveAsync(node, cancellationToken);
        }
        var failed = _nodes.Values.FirstOrDefault(n => n.Status == NodeStatus.Failed);
        return await store.Executions.UpdateAsync(_execution.Id, _execution.Project, e =>
        {
            e.Status = outcome switch { RunOutcome.Failed => ExecutionStatus.Failed, RunOutcome.Cancelled => ExecutionStatus.Cancelled, _ => ExecutionStatus.Succeeded };
            e.Error = failed?.Error;
            e.FinishedAt = DateTimeOffset.UtcNow;
            return e;
        }, cancellationToken);
    }

    private async Task SaveAsync(NodeRecord node, CancellationToken cancellationToken)
    {
        await store.Nodes.PutAsync(NodeRecord.Key(node.ExecutionId, node.NodeId), node.ExecutionId, node, null, cancellationToken);
        observer?.NodeChanged(node);
    }

    private enum RunOutcome { Succeeded, Failed, Cancelled }
}
