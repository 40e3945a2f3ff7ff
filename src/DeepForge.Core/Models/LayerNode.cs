using System.Text.Json;

namespace DeepForge.Models;

/// <summary>A layer in an architecture: a catalog layer or a custom layer, with its attribute values.</summary>
public sealed class LayerNode
{
    /// <summary>Unique within the architecture.</summary>
    public string Id { get; set; } = "";

    /// <summary>The layer type, e.g. <c>Conv2d</c>, or a custom layer's class name.</summary>
    public string Type { get; set; } = "";

    /// <summary>Attribute values by name; a module-typed attribute holds a nested architecture object or an architecture's name.</summary>
    public Dictionary<string, JsonElement> Attributes { get; set; } = new();

    /// <summary>Where an editor draws the layer.</summary>
    public NodePosition? Position { get; set; }
}
