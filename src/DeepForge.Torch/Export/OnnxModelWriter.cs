using DeepForge.Torch.Architectures;
using DeepForge.Torch.Data;
using DeepForge.Torch.Layers;
using Google.Protobuf;
using Onnx;

namespace DeepForge.Torch.Export;

/// <summary>Writes a <see cref="Model"/> as an ONNX model: one graph input <c>input</c> (batch first), one output <c>output</c>, weights as initializers named like the state_dict.</summary>
internal static class OnnxModelWriter
{
    /// <summary>The operator set written: 19 has Pad's <c>wrap</c> mode for circular padding.</summary>
    public const int Opset = 19;

    public const string Input = "input";
    public const string Output = "output";

    public static void Write(Model model, Stream output)
    {
        if (model.Module is not ArchitectureModule module)
            throw new DeepForgeException("model", "the model's network was not built from its architecture, so there is nothing to write as ONNX");
        var graph = new OnnxGraph();
        graph.Proto.Name = string.IsNullOrEmpty(model.Definition.Name) ? "model" : model.Definition.Name;
        var writer = new OnnxLayerWriter(graph);
        var values = new string[module.Steps.Count];
        for (var i = 0; i < module.Steps.Count; i++)
        {
            var step = module.Steps[i];
            var inputs = step.Inputs.Count == 0 ? [Input] : step.Inputs.Select(index => values[index]).ToList();
            values[i] = writer.Write(step, Arguments(model, step), inputs);
        }
        graph.Node("Identity", [values[^1]], Output);
        var embeds = module.Steps[0].Type.Name == "Embedding";
        graph.Proto.Input.Add(OnnxGraph.Value(Input, embeds ? TensorProto.Types.DataType.Int64 : TensorProto.Types.DataType.Float, model.Definition.InputShape));
        graph.Proto.Output.Add(OnnxGraph.Value(Output, TensorProto.Types.DataType.Float, null));
        var proto = new ModelProto
        {
            IrVersion = 9, ProducerName = "DeepForge", ProducerVersion = typeof(OnnxModelWriter).Assembly.GetName().Version?.ToString() ?? "",
            Graph = graph.Proto,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        proto.WriteTo(output);
    }

    // The attribute values exactly as the module was built from them, defaults filled in.
    private static LayerArguments Arguments(Model model, LayerStep step)
    {
        var node = model.Definition.Layers.First(l => l.Id == step.Id);
        return new LayerArguments(step.Type, node, "", (_, location) =>
            throw OnnxLayerWriter.Refusal(step, $"holds a nested architecture ({location}), which ONNX cannot express as one operator"));
    }
}
