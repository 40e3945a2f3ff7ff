using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// A pipeline's wiring, parsed once: what feeds each node and whom each node feeds. The original's
/// rule applies: a node becomes ready when every node feeding it has succeeded.
/// </summary>
internal sealed class PipelineGraph
{
    private readonly Dictionary<string, List<(PortRef Source, string TargetPort)>> _incoming = new();
    private readonly Dictionary<string, HashSet<string>> _successors = new();
    private readonly Dictionary<string, int> _waitingOn = new();
    private readonly Queue<string> _ready = new();

    public PipelineGraph(PipelineDefinition pipeline, IReadOnlyDictionary<string, NodeRecord> nodes)
    {
        foreach (var node in pipeline.Nodes) (_incoming[node.Id], _successors[node.Id]) = ([], []);
        foreach (var connection in pipeline.Connections)
        {
            var (source, target) = (connection.Source, connection.Target);
            _incoming[target.Node].Add((source, target.Port));
            _successors[source.Node].Add(target.Node);
        }
        foreach (var node in pipeline.Nodes.Where(n => nodes.ContainsKey(n.Id)))
        {
            _waitingOn[node.Id] = _incoming[node.Id].Select(i => i.Source.Node).Distinct().Count(s => nodes[s].Status != NodeStatus.Succeeded);
            if (_waitingOn[node.Id] == 0 && nodes[node.Id].Status == NodeStatus.Pending) _ready.Enqueue(node.Id);
        }
    }

    public IReadOnlyList<(PortRef Source, string TargetPort)> Incoming(string nodeId) => _incoming[nodeId];

    public bool TryTakeReady(out string nodeId) => _ready.TryDequeue(out nodeId!);

    /// <summary>Records that a node succeeded; nodes it was the last missing input of become ready.</summary>
    public void Succeeded(string nodeId)
    {
        foreach (var next in _successors[nodeId])
            if (--_waitingOn[next] == 0) _ready.Enqueue(next);
    }
}
