namespace DeepForge.Models;

/// <summary>A neural network drawn as layers and the tensors flowing between them.</summary>
public sealed class ArchitectureDefinition
{
    /// <summary>Unique within the project.</summary>
    public string Name { get; set; } = "";

    /// <summary>The shape of one input sample without the batch dimension, used for shape inference.</summary>
    public List<long>? InputShape { get; set; }

    /// <summary>The layers.</summary>
    public List<LayerNode> Layers { get; set; } = new();

    /// <summary>Edges <c>[from, to]</c> by layer id; when empty the layers form a chain in their order.</summary>
    public List<string[]> Connections { get; set; } = new();
}
