using DeepForge.Models;
using DeepForge.Torch.Layers;

namespace DeepForge.Torch.Architectures;

/// <summary>
/// Checks how an architecture's layers connect and puts them in evaluation order: a chain in the
/// order drawn when there are no connections, otherwise a DAG with one input and one output layer
/// in which only join layers (Concat, Add) take several branches.
/// </summary>
internal sealed class ArchitectureGraph
{
    private readonly ArchitectureDefinition _definition;
    private readonly string _prefix;
    private readonly List<LayerNode> _layers;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<int>[] _inputs;
    private readonly List<int>[] _outputs;

    private ArchitectureGraph(ArchitectureDefinition definition, string prefix)
    {
        (_definition, _prefix, _layers) = (definition, prefix, definition.Layers);
        _inputs = _layers.Select(_ => new List<int>()).ToArray();
        _outputs = _layers.Select(_ => new List<int>()).ToArray();
    }

    /// <summary>The layers in evaluation order, or an error naming the layer or connection that is wrong.</summary>
    public static IReadOnlyList<PlannedLayer> Plan(ArchitectureDefinition definition, LayerCatalog catalog, string prefix)
    {
        var graph = new ArchitectureGraph(definition, prefix);
        graph.IndexLayers();
        var types = definition.Layers.Select(layer => graph.TypeOf(layer, catalog)).ToList();
        graph.Connect();
        graph.RejectCycle();
        graph.RequireSingleEnd(input: true);
        graph.RequireSingleEnd(input: false);
        graph.RejectMergesOutsideJoins(types);
        return graph.Planned(types);
    }

    private string Where => $"{_prefix}architecture '{_definition.Name}'";

    private string LayerAt(int index) => $"{_prefix}layer '{_layers[index].Id}'";

    private void IndexLayers()
    {
        if (_layers.Count == 0) throw new DeepForgeException(Where, $"{Where} has no layers; add at least one");
        for (var i = 0; i < _layers.Count; i++)
        {
            var id = _layers[i].Id;
            if (string.IsNullOrWhiteSpace(id)) throw new DeepForgeException(Where, $"{Where}: layer #{i + 1} ({_layers[i].Type}) has no id");
            // TorchSharp names parameters "<layer id>.<parameter>", so a dot would make names ambiguous.
            if (id.Contains('.')) throw TorchErrors.Layer(id, LayerAt(i), $"{LayerAt(i)}: a layer id may not contain '.'");
            if (!_index.TryAdd(id, i)) throw TorchErrors.Layer(id, LayerAt(i), $"{LayerAt(i)}: another layer has the same id");
        }
    }

    private LayerType TypeOf(LayerNode layer, LayerCatalog catalog)
    {
        if (catalog.Find(layer.Type) is { } type) return type;
        var location = LayerAt(_index[layer.Id]);
        var why = catalog.Rejected.TryGetValue(layer.Type, out var reason)
            ? $"class {layer.Type} cannot be a layer: {reason}"
            : $"known types are {string.Join(", ", catalog.Types.Select(t => t.Name))}";
        throw TorchErrors.Layer(layer.Id, location, $"{location} has unknown type '{layer.Type}'; {why}");
    }

    private void Connect()
    {
        if (_definition.Connections.Count == 0)
        {
            for (var i = 1; i < _layers.Count; i++) Link(i - 1, i);
            return;
        }
        for (var c = 0; c < _definition.Connections.Count; c++)
        {
            var (from, to) = Ends(c);
            if (_inputs[to].Contains(from))
                throw TorchErrors.Layer(_layers[to].Id, LayerAt(to), $"{LayerAt(to)} is connected from '{_layers[from].Id}' twice");
            Link(from, to);
        }
    }

    private (int From, int To) Ends(int c)
    {
        var edge = _definition.Connections[c];
        var where = $"{Where} connection #{c + 1}";
        if (edge is not { Length: 2 }) throw new DeepForgeException(where, $"{where} must name two layers, [from, to]");
        return (Find(edge[0], where), Find(edge[1], where));
    }

    private int Find(string id, string where) =>
        _index.TryGetValue(id ?? "", out var i) ? i : throw new DeepForgeException(where, $"{where} names unknown layer '{id}'");

    private void Link(int from, int to)
    {
        _outputs[from].Add(to);
        _inputs[to].Add(from);
    }

    private void RejectCycle()
    {
        var state = new int[_layers.Count]; // 0 unvisited, 1 on the current path, 2 done
        var path = new List<int>();
        for (var i = 0; i < _layers.Count; i++)
            if (state[i] == 0 && FindCycle(i, state, path) is { } cycle)
            {
                var names = string.Join(" -> ", cycle.Select(n => _layers[n].Id));
                throw TorchErrors.Layer(_layers[cycle[0]].Id, LayerAt(cycle[0]), $"{LayerAt(cycle[0])} is part of a cycle: {names}; an architecture has no loops");
            }
    }

    private List<int>? FindCycle(int node, int[] state, List<int> path)
    {
        state[node] = 1;
        path.Add(node);
        foreach (var next in _outputs[node])
        {
            if (state[next] == 1) return [.. path.SkipWhile(n => n != next), next];
            if (state[next] == 0 && FindCycle(next, state, path) is { } cycle) return cycle;
        }
        path.RemoveAt(path.Count - 1);
        state[node] = 2;
        return null;
    }

    private void RequireSingleEnd(bool input)
    {
        var ends = Enumerable.Range(0, _layers.Count).Where(i => (input ? _inputs[i] : _outputs[i]).Count == 0).ToList();
        if (ends.Count == 1) return;
        var role = input ? "input" : "output";
        var condition = input ? "no incoming connection" : "no outgoing connection";
        var names = string.Join(", ", ends.Select(i => $"'{_layers[i].Id}'"));
        throw TorchErrors.Layer(_layers[ends[0]].Id, Where,
            $"{Where} must have exactly one {role} layer ({condition}), but has {ends.Count}: {names}");
    }

    private void RejectMergesOutsideJoins(List<LayerType> types)
    {
        for (var i = 0; i < _layers.Count; i++)
        {
            if (_inputs[i].Count < 2 || types[i].JoinsBranches) continue;
            var from = string.Join(", ", _inputs[i].Select(n => $"'{_layers[n].Id}'"));
            throw TorchErrors.Layer(_layers[i].Id, LayerAt(i),
                $"{LayerAt(i)} ({types[i].Name}) has {_inputs[i].Count} inputs ({from}); only Concat and Add join branches, so add one before it");
        }
    }

    /// <summary>Kahn's algorithm, taking the earliest drawn ready layer first so the order is stable.</summary>
    private List<int> Order()
    {
        var waiting = _inputs.Select(i => i.Count).ToArray();
        var ready = new SortedSet<int>(Enumerable.Range(0, _layers.Count).Where(i => waiting[i] == 0));
        var order = new List<int>(_layers.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min;
            ready.Remove(next);
            order.Add(next);
            foreach (var to in _outputs[next])
                if (--waiting[to] == 0) ready.Add(to);
        }
        return order;
    }

    /// <summary>The layers in evaluation order, their inputs given as positions in that order.</summary>
    private IReadOnlyList<PlannedLayer> Planned(List<LayerType> types)
    {
        var order = Order();
        var position = new int[order.Count];
        for (var p = 0; p < order.Count; p++) position[order[p]] = p;
        return order.Select(i => new PlannedLayer(_layers[i], types[i], _inputs[i].Select(n => position[n]).ToList())).ToList();
    }
}
