using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Designer.Executions;

/// <summary>
/// An execution as a page shows it: the record, each node's status, and each operation's log and feedback, kept
/// up to date by <see cref="RefreshAsync"/>, which reads only what is new.
/// </summary>
public sealed class LiveExecution
{
    private readonly ExecutionService _executions;
    private readonly JobQueue? _queue;
    private readonly Dictionary<string, NodeTail> _tails = [];

    private LiveExecution(ExecutionService executions, JobQueue? queue, ExecutionRecord record) => (_executions, _queue, Record) = (executions, queue, record);

    /// <summary>The execution as last read.</summary>
    public ExecutionRecord Record { get; private set; }

    /// <summary>The execution's id.</summary>
    public string Id => Record.Id;

    /// <summary>Each node's record by node id, as last read.</summary>
    public IReadOnlyDictionary<string, NodeRecord> Nodes { get; private set; } = new Dictionary<string, NodeRecord>();

    /// <summary>The operation nodes of the pipeline, in its order: the ones that run as jobs.</summary>
    public IReadOnlyList<PipelineNode> Operations => Record.Pipeline.Nodes.Where(n => n.Kind == NodeKind.Operation).ToList();

    /// <summary>Pending or running: it may still change.</summary>
    public bool IsActive => Record.Status is ExecutionStatus.Pending or ExecutionStatus.Running;

    /// <summary>The short form of the id that tells executions apart in a legend: its random ending.</summary>
    public string ShortId => ShortOf(Id);

    /// <summary>The short form of an execution id.</summary>
    public static string ShortOf(string id) => id.Length > 6 ? id[^6..] : id;

    // queue: the server's job queue, which says why a queued node waits ("waiting for a worker with: gpu"); null without a server.
    internal static async Task<LiveExecution> LoadAsync(ExecutionService executions, JobQueue? queue, string id, CancellationToken cancellationToken)
    {
        var live = new LiveExecution(executions, queue, await executions.GetAsync(id, cancellationToken));
        await live.RefreshAsync(cancellationToken);
        return live;
    }

    /// <summary>The log and feedback of a node, as read so far.</summary>
    public NodeTail Tail(string nodeId)
    {
        if (!_tails.TryGetValue(nodeId, out var tail)) _tails[nodeId] = tail = new NodeTail(Id, nodeId);
        return tail;
    }

    /// <summary>Reads the status, the nodes, and new log and feedback of every node that has started; true when anything changed.</summary>
    internal async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = (Record.Status, Record.FinishedAt);
        Record = await _executions.GetAsync(Id, cancellationToken);
        var nodes = (await _executions.NodesAsync(Id, cancellationToken)).ToDictionary(n => n.NodeId);
        await AddWaitingAsync(nodes, cancellationToken);
        var changed = before != (Record.Status, Record.FinishedAt) || NodesChanged(nodes);
        Nodes = nodes;
        foreach (var node in Operations)
        {
            var record = nodes.GetValueOrDefault(node.Id);
            // A node that runs again (a resumed execution) writes more, so only an ended node's tail can be complete.
            if (record is null or { Status: NodeStatus.Pending } || (Tail(node.Id).Complete && record.Status != NodeStatus.Running)) continue;
            changed |= await Tail(node.Id).ReadAsync(_executions, ended: record.Status != NodeStatus.Running, cancellationToken);
        }
        return changed;
    }

    // As the REST API does: the reason is worked out from the queue when read, never stored.
    private async Task AddWaitingAsync(Dictionary<string, NodeRecord> nodes, CancellationToken cancellationToken)
    {
        if (_queue == null || !IsActive) return;
        foreach (var (node, why) in await _queue.WaitingAsync(Id, cancellationToken))
            if (nodes.TryGetValue(node, out var record)) record.Waiting = why;
    }

    private bool NodesChanged(Dictionary<string, NodeRecord> nodes) =>
        nodes.Count != Nodes.Count || nodes.Values.Any(n => Nodes.GetValueOrDefault(n.NodeId) is not { } old
            || (old.Status, old.Attempts, old.FinishedAt, old.Waiting) != (n.Status, n.Attempts, n.FinishedAt, n.Waiting));

    /// <summary>
    /// What the pipeline diagram shows for a node: its status, Cached when its outputs came from an earlier run,
    /// or Queued when it runs but no worker has taken its job yet (the job panel says why).
    /// </summary>
    public string StatusOf(string nodeId) => Nodes.GetValueOrDefault(nodeId) switch
    {
        null => NodeStatus.Pending.ToString(),
        { Status: NodeStatus.Succeeded, FromCache: true } => "Cached",
        { Status: NodeStatus.Running, Waiting: not null } => "Queued",
        var n => n.Status.ToString(),
    };
}
