using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Drives one execution to its end: a node runs when all its inputs exist, ready nodes run in
/// parallel, and every transition is stored before anything acts on it, so a killed process
/// leaves a record that <c>resume</c> continues without re-running finished operations.
/// </summary>
internal sealed class ExecutionRun(DeepForgeStore store, NodeRunner nodeRunner, int maxParallel, LeaseSettings lease, IExecutionObserver? observer)
{
    private readonly Dictionary<string, NodeRecord> _nodes = new();
    private ExecutionFence _fence = null!;
    private PipelineGraph _graph = null!;

    private ExecutionRecord Execution => _fence.Execution;

    public async Task<ExecutionRecord> RunAsync(string executionId, CancellationToken cancellationToken)
    {
        using var here = RunsInThisProcess.Enter(executionId)
            ?? throw new DeepForgeException($"execution '{executionId}'", $"execution '{executionId}' is running in this process already");
        using var fence = await ExecutionClaim.ClaimAsync(store, executionId, lease, cancellationToken);
        if (fence == null) return (await store.Executions.GetAsync(executionId, cancellationToken))!.Value;
        _fence = fence;
        ExecutionRunContext.Enter(fence);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, fence.Lost);
        var keeper = fence.KeepAsync(cancel.Token);
        var watcher = WatchForCancelAsync(cancel);
        try
        {
            await LoadNodesAsync(cancel.Token);
            _graph = new PipelineGraph(Execution.Pipeline, _nodes);
            var outcome = await RunNodesAsync(cancel.Token);
            await cancel.CancelAsync();
            await Task.WhenAll(keeper, watcher);
            fence.ThrowIfLost();
            if (cancellationToken.IsCancellationRequested) await ReleaseAsync();
            cancellationToken.ThrowIfCancellationRequested();
            var finished = await FinishAsync(outcome, CancellationToken.None);
            await RunningIndex.RemoveAsync(store, executionId, CancellationToken.None);
            return finished;
        }
        catch (OperationCanceledException) when (fence.IsLost)
        {
            fence.ThrowIfLost();
            throw;
        }
        finally
        {
            await cancel.CancelAsync();
            await Task.WhenAll(keeper, watcher);
        }
    }

    // Stopped with its host: the lease ends now, so another server may take the run over without waiting for it.
    private async Task ReleaseAsync()
    {
        try { await _fence.ReleaseAsync(CancellationToken.None); }
        catch (Exception e) when (e is IOException or OperationCanceledException) { } // lost or unreachable: the lease runs out by itself
    }

    private async Task LoadNodesAsync(CancellationToken cancellationToken)
    {
        foreach (var node in await store.Nodes.ListAsync(Execution.Id, cancellationToken))
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
            NodeRecord record;
            try { record = await done; }
            catch (Exception) when (_fence.IsLost)
            {
                // Another process took the execution over: the other nodes stop too (their token is cancelled) and are
                // waited for, so nothing of this run goes on in the background.
                await Task.WhenAll(running.Values.Where(t => t != done)).ContinueWith(_ => { }, TaskScheduler.Default);
                throw;
            }
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
            return await nodeRunner.RunAsync(_fence, _nodes[nodeId], InputsOf(nodeId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ExecutionLeaseLostException)
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
        try
        {
            using var changes = await ExecutionChanges.ListenAsync(store.Documents, Execution.Id, cancel.Token);
            while (!cancel.IsCancellationRequested)
            {
                // Read first: a cancel asked for before the feed listened is seen too.
                if ((await store.Executions.GetAsync(Execution.Id, cancel.Token))?.Value is { } stored)
                {
                    _fence.Observe(stored); // another server's claim is seen here before this run's next write
                    if (stored.CancelRequested) await cancel.CancelAsync();
                }
                await changes.WaitAsync(cancel.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e) when (e is IOException) { } // the store is down: the run's writes say so
    }

    private async Task<ExecutionRecord> FinishAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        var leftStatus = outcome == RunOutcome.Cancelled ? NodeStatus.Cancelled : NodeStatus.Skipped;
        var left = _nodes.Values.Where(n => n.Status == NodeStatus.Pending).ToList();
        foreach (var node in left) node.Status = leftStatus;
        var failed = _nodes.Values.FirstOrDefault(n => n.Status == NodeStatus.Failed);
        // The nodes left and the end of the execution in one write, fenced like every other.
        var finished = await _fence.UpdateAsync(e =>
        {
            e.Status = outcome switch { RunOutcome.Failed => ExecutionStatus.Failed, RunOutcome.Cancelled => ExecutionStatus.Cancelled, _ => ExecutionStatus.Succeeded };
            e.Error = failed?.Error;
            e.FinishedAt = DateTimeOffset.UtcNow;
        }, left.Select(NodeWrite).ToList(), cancellationToken, release: true);
        foreach (var node in left) observer?.NodeChanged(node);
        return finished;
    }

    private async Task SaveAsync(NodeRecord node, CancellationToken cancellationToken)
    {
        await _fence.WriteAsync([NodeWrite(node)], cancellationToken);
        observer?.NodeChanged(node);
    }

    private DocumentWrite NodeWrite(NodeRecord node) => store.Nodes.Write(NodeRecord.Key(node.ExecutionId, node.NodeId), node.ExecutionId, node, null);

    private enum RunOutcome { Succeeded, Failed, Cancelled }
}
