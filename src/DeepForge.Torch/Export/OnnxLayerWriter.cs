using DeepForge.Torch.Architectures;
using DeepForge.Torch.Layers;
using static DeepForge.Torch.Export.OnnxGraph;
using static TorchSharp.torch;

namespace DeepForge.Torch.Export;

/// <summary>
/// Writes one built-in layer as ONNX nodes (opset <see cref="OnnxModelWriter.Opset"/>), with the weights of
/// its built module; a layer ONNX has no operator for is refused with an error naming it.
/// The model is written as it runs in evaluation mode: dropout passes its input on, batch normalisation uses its running statistics.
/// </summary>
internal sealed class OnnxLayerWriter(OnnxGraph graph)
{
    public string Write(LayerStep step, LayerArguments a, IReadOnlyList<string> inputs)
    {
        var output = $"layer/{step.Id}";
        var x = inputs[0];
        var weights = step.Module.state_dict();
        switch (step.Type.Name)
        {
            case "Linear": return Linear(step.Id, a, weights, x, output);
            case "Conv1d": return Convolution(step, a, weights, x, output, [a.Integer("kernel_size")], [a.Integer("stride")], [a.Integer("padding")], [a.Integer("dilation")]);
            case "Conv2d": return Convolution(step, a, weights, x, output, a.IntegerList("kernel_size"), a.IntegerList("stride"), a.IntegerList("padding"), a.IntegerList("dilation"));
            case "MaxPool2d": return MaxPool(a, x, output);
            case "AvgPool2d": return AveragePool(a, x, output);
            case "ReLU": return graph.Node("Relu", [x], output);
            case "LeakyReLU": return graph.Node("LeakyRelu", [x], output, Float("alpha", a.Number("negative_slope")));
            case "Tanh": return graph.Node("Tanh", [x], output);
            case "Sigmoid": return graph.Node("Sigmoid", [x], output);
            case "Dropout": return graph.Node("Identity", [x], output);
            case "BatchNorm1d" or "BatchNorm2d": return BatchNorm(step, a, weights, x, output);
            case "Flatten": return Flatten(step.Id, a, x, output);
            case "LogSoftmax": return graph.Node("LogSoftmax", [x], output, Int("axis", a.Integer("dim")));
            case "Softmax": return graph.Node("Softmax", [x], output, Int("axis", a.Integer("dim")));
            case "Embedding": return Embedding(step, a, weights, x, output);
            case "LSTM" or "GRU": return new OnnxRecurrentWriter(graph).Write(step, a, weights, x, output);
            case "Concat": return graph.Node("Concat", inputs, output, Int("axis", a.Integer("dim")));
            case "Add": return graph.Node("Sum", inputs, output);
            default:
                var what = step.Type.CustomType != null ? "a custom layer, which ONNX has no operator for" : "a layer this exporter has no ONNX operator for";
                throw Refusal(step, $"is {what}; export the model as pytorch instead");
        }
    }

    /// <summary>The error for a layer that cannot be written as ONNX, naming it.</summary>
    public static DeepForgeException Refusal(LayerStep step, string why) =>
        TorchErrors.Layer(step.Id, step.Location, $"{step.Location} ({step.Type.Name}) cannot be exported as ONNX: it {why}");

    // MatMul broadcasts over leading dimensions as Linear does; Gemm would take 2-D inputs only.
    private string Linear(string id, LayerArguments a, IDictionary<string, Tensor> weights, string x, string output)
    {
        using var transposed = weights["weight"].t();
        var product = graph.Node("MatMul", [x, graph.Weight($"{id}.weight_t", transposed)], a.Boolean("bias") ? graph.Temporary(id, "matmul") : output);
        return a.Boolean("bias") ? graph.Node("Add", [product, graph.Weight($"{id}.bias", weights["bias"])], output) : product;
    }

    private string Convolution(LayerStep step, LayerArguments a, IDictionary<string, Tensor> weights, string x, string output,
        long[] kernel, long[] stride, long[] padding, long[] dilation)
    {
        var mode = a.Enum("padding_mode");
        var padded = mode == "zeros" || padding.All(p => p == 0) ? x : Pad(step.Id, x, padding, mode);
        var pads = mode == "zeros" ? padding.Concat(padding) : padding.Select(_ => 0L).Concat(padding.Select(_ => 0L));
        List<string> inputs = [padded, graph.Weight($"{step.Id}.weight", weights["weight"])];
        if (a.Boolean("bias")) inputs.Add(graph.Weight($"{step.Id}.bias", weights["bias"]));
        return graph.Node("Conv", inputs, output, Ints("kernel_shape", kernel), Ints("strides", stride), Ints("pads", pads),
            Ints("dilations", dilation), Int("group", a.Integer("groups")));
    }

    // PyTorch pads the spatial dimensions only; ONNX's pads list every axis, beginnings first, then ends.
    private string Pad(string id, string x, long[] padding, string mode)
    {
        long[] spatial = [0, 0, .. padding];
        var pads = graph.Integers(graph.Temporary(id, "pads"), [.. spatial, .. spatial]);
        var onnxMode = mode switch { "reflect" => "reflect", "replicate" => "edge", _ => "wrap" };
        return graph.Node("Pad", [x, pads], graph.Temporary(id, "padded"), Text("mode", onnxMode));
    }

    private string MaxPool(LayerArguments a, string x, string output)
    {
        var kernel = a.IntegerList("kernel_size");
        var padding = a.IntegerList("padding");
        return graph.Node("MaxPool", [x], output, Ints("kernel_shape", kernel), Ints("strides", a.OptionalIntegerList("stride") ?? kernel),
            Ints("pads", padding.Concat(padding)), Ints("dilations", a.IntegerList("dilation")), Int("ceil_mode", a.Boolean("ceil_mode") ? 1 : 0));
    }

    private string AveragePool(LayerArguments a, string x, string output)
    {
        var kernel = a.IntegerList("kernel_size");
        var padding = a.IntegerList("padding");
        return graph.Node("AveragePool", [x], output, Ints("kernel_shape", kernel), Ints("strides", a.OptionalIntegerList("stride") ?? kernel),
            Ints("pads", padding.Concat(padding)), Int("ceil_mode", a.Boolean("ceil_mode") ? 1 : 0),
            Int("count_include_pad", a.Boolean("count_include_pad") ? 1 : 0));
    }

    private string BatchNorm(LayerStep step, LayerArguments a, IDictionary<string, Tensor> weights, string x, string output)
    {
        if (!a.Boolean("track_running_stats"))
            throw Refusal(step, "has track_running_stats false, so it normalises by each batch's own statistics even when predicting, and ONNX's BatchNormalization uses stored ones; train it with track_running_stats true");
        var features = a.Integer("num_features");
        using var ones = TorchSharp.torch.ones(features);
        using var zeros = TorchSharp.torch.zeros(features);
        var id = step.Id;
        var affine = a.Boolean("affine");
        return graph.Node("BatchNormalization",
            [
                x, graph.Weight($"{id}.weight", affine ? weights["weight"] : ones), graph.Weight($"{id}.bias", affine ? weights["bias"] : zeros),
                graph.Weight($"{id}.running_mean", weights["running_mean"]), graph.Weight($"{id}.running_var", weights["running_var"]),
            ],
            output, Float("epsilon", a.Number("eps")));
    }

    // ONNX's Flatten makes two dimensions, which is PyTorch's Flatten(1, -1); other ranges reshape to
    // the kept leading dimensions, -1, and the kept trailing ones, read from the input's shape at run time.
    private string Flatten(string id, LayerArguments a, string x, string output)
    {
        var (start, end) = (a.Integer("start_dim"), a.Integer("end_dim"));
        if (start == 1 && end == -1) return graph.Node("Flatten", [x], output, Int("axis", 1));
        var shape = graph.Node("Shape", [x], graph.Temporary(id, "shape"));
        List<string> parts = [];
        if (start != 0) parts.Add(Slice(id, shape, 0, start));
        parts.Add(graph.Integers(graph.Temporary(id, "flat"), -1));
        if (end != -1) parts.Add(Slice(id, shape, end + 1, long.MaxValue));
        var target = graph.Node("Concat", parts, graph.Temporary(id, "target"), Int("axis", 0));
        return graph.Node("Reshape", [x, target], output);
    }

    private string Slice(string id, string shape, long start, long end) =>
        graph.Node("Slice", [shape, graph.Integers(graph.Temporary(id, "start"), start), graph.Integers(graph.Temporary(id, "end"), end)],
            graph.Temporary(id, "dims"));

    private string Embedding(LayerStep step, LayerArguments a, IDictionary<string, Tensor> weights, string x, string output)
    {
        if (a.OptionalNumber("max_norm") != null)
            throw Refusal(step, "has max_norm set, which renormalises its weights while it runs; ONNX has no operator for that");
        return graph.Node("Gather", [graph.Weight($"{step.Id}.weight", weights["weight"]), x], output, Int("axis", 0));
    }
}
