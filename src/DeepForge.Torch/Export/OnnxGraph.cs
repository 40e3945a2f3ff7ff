using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace DeepForge.Torch.Export;

/// <summary>Collects the nodes, weights and values of an ONNX graph as the layers are written.</summary>
internal sealed class OnnxGraph
{
    private int _names;

    public GraphProto Proto { get; } = new();

    /// <summary>A fresh value name under a layer, for the intermediate results of layers that take several ONNX nodes.</summary>
    public string Temporary(string layerId, string what) => $"layer/{layerId}/{what}_{_names++}";

    /// <summary>Adds a float weight, copied from the tensor (detached, on the CPU, contiguous).</summary>
    public string Weight(string name, Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        proto.Dims.AddRange(tensor.shape);
        proto.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
        Proto.Initializer.Add(proto);
        return name;
    }

    /// <summary>Adds a constant int64 vector (shapes, pads, axes).</summary>
    public string Integers(string name, params long[] values)
    {
        var proto = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        proto.Dims.Add(values.Length);
        proto.Int64Data.AddRange(values);
        Proto.Initializer.Add(proto);
        return name;
    }

    /// <summary>Adds a node of one output.</summary>
    public string Node(string op, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return output;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, double value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = (float)value };

    public static AttributeProto Ints(string name, IEnumerable<long> values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    /// <summary>A graph input or output: a tensor of an element type and, when known, a shape whose first dimension is the batch.</summary>
    public static ValueInfoProto Value(string name, TensorProto.Types.DataType type, IReadOnlyList<long>? shape)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)type };
        if (shape != null)
        {
            tensor.Shape = new TensorShapeProto();
            tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
            foreach (var size in shape) tensor.Shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        }
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }
}
