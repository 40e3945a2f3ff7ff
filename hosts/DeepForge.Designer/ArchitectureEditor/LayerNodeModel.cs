using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>A layer on the architecture diagram: input port on top, output port below (the tensors flow down).</summary>
public sealed class LayerNodeModel : NodeModel
{
    public LayerNodeModel(LayerNode layer, Point position) : base(layer.Id, position)
    {
        Layer = layer;
        InputPort = AddPort(PortAlignment.Top);
        OutputPort = AddPort(PortAlignment.Bottom);
    }

    public LayerNode Layer { get; set; }

    public PortModel InputPort { get; }

    public PortModel OutputPort { get; }

    /// <summary>The shape this layer gives, when it ran during shape inference.</summary>
    public string? OutputShape { get; set; }

    /// <summary>The shape the architecture's input layer receives; null on every other layer.</summary>
    public string? InputShape { get; set; }

    /// <summary>Why this layer's shapes do not fit, when it is the first that does not.</summary>
    public string? Problem { get; set; }

    /// <summary>The attribute values that differ from the defaults, short, for the node's second line.</summary>
    public string Summary { get; set; } = "";
}
