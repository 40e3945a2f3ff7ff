using DeepForge.Torch.Architectures;
using DeepForge.Torch.Layers;
using static DeepForge.Torch.Export.OnnxGraph;
using static TorchSharp.torch;

namespace DeepForge.Torch.Export;

/// <summary>
/// Writes an LSTM or GRU layer as one ONNX LSTM or GRU node per stacked layer. PyTorch and ONNX order
/// the gates differently (LSTM: i f g o against i o f c; GRU: r z n against z r h), so the weights are
/// regrouped; each node's [sequence, directions, batch, hidden] output is reshaped to PyTorch's
/// [sequence, batch, directions * hidden] (or batch first) before the next layer reads it.
/// </summary>
internal sealed class OnnxRecurrentWriter(OnnxGraph graph)
{
    private static readonly long[] LstmGates = [0, 3, 1, 2];
    private static readonly long[] GruGates = [1, 0, 2];

    public string Write(LayerStep step, LayerArguments a, IDictionary<string, Tensor> weights, string x, string output)
    {
        var lstm = step.Type.Name == "LSTM";
        var batchFirst = a.Boolean("batch_first");
        var layers = a.Integer("num_layers");
        var directions = a.Boolean("bidirectional") ? 2 : 1;
        var hidden = a.Integer("hidden_size");
        // Nodes take [sequence, batch, features]; a batch-first input is turned once, and turned back at the end.
        var input = batchFirst ? graph.Node("Transpose", [x], graph.Temporary(step.Id, "sequence_first"), Ints("perm", [1, 0, 2])) : x;
        for (var layer = 0; layer < layers; layer++)
        {
            var (w, r, b) = Weights(step.Id, layer, directions, lstm, a.Boolean("bias"), weights);
            List<string> inputs = [input, w, r];
            if (b != null) inputs.Add(b);
            var attributes = new List<Onnx.AttributeProto> { Int("hidden_size", hidden), Text("direction", directions == 2 ? "bidirectional" : "forward") };
            if (!lstm) attributes.Add(Int("linear_before_reset", 1));
            var y = graph.Node(lstm ? "LSTM" : "GRU", inputs, graph.Temporary(step.Id, $"y{layer}"), [.. attributes]);
            var last = layer == layers - 1 && !batchFirst;
            input = SequenceFirst(step.Id, y, last ? output : graph.Temporary(step.Id, $"out{layer}"));
        }
        return batchFirst ? graph.Node("Transpose", [input], output, Ints("perm", [1, 0, 2])) : input;
    }

    // [sequence, directions, batch, hidden] -> [sequence, batch, directions * hidden], as PyTorch concatenates directions.
    private string SequenceFirst(string id, string y, string output)
    {
        var turned = graph.Node("Transpose", [y], graph.Temporary(id, "turned"), Ints("perm", [0, 2, 1, 3]));
        return graph.Node("Reshape", [turned, graph.Integers(graph.Temporary(id, "shape"), 0, 0, -1)], output);
    }

    private (string W, string R, string? B) Weights(string id, int layer, int directions, bool lstm, bool bias, IDictionary<string, Tensor> weights)
    {
        var suffixes = directions == 2 ? new[] { "", "_reverse" } : [""];
        using var scope = NewDisposeScope();
        var w = stack(suffixes.Select(s => Regroup(Find(weights, $"weight_ih_l{layer}{s}"), lstm)).ToArray());
        var r = stack(suffixes.Select(s => Regroup(Find(weights, $"weight_hh_l{layer}{s}"), lstm)).ToArray());
        var wName = graph.Weight($"{id}.W_l{layer}", w);
        var rName = graph.Weight($"{id}.R_l{layer}", r);
        if (!bias) return (wName, rName, null);
        var b = stack(suffixes.Select(s => cat([Regroup(Find(weights, $"bias_ih_l{layer}{s}"), lstm), Regroup(Find(weights, $"bias_hh_l{layer}{s}"), lstm)])).ToArray());
        return (wName, rName, graph.Weight($"{id}.B_l{layer}", b));
    }

    private static Tensor Regroup(Tensor gates, bool lstm)
    {
        var order = lstm ? LstmGates : GruGates;
        var chunks = gates.chunk(order.Length, 0);
        return cat(order.Select(i => chunks[i]).ToArray(), 0);
    }

    // The wrapper that keeps only the output sequence registers the recurrent module under its own name.
    private static Tensor Find(IDictionary<string, Tensor> weights, string name) =>
        weights.First(pair => pair.Key == name || pair.Key.EndsWith("." + name, StringComparison.Ordinal)).Value;
}
