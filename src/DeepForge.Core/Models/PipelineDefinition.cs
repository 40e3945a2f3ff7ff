namespace DeepForge.Models;

/// <summary>A directed acyclic graph of operations whose connections carry typed data.</summary>
public sealed class PipelineDefinition
{
    /// <summary>Unique within the project.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the pipeline is for.</summary>
    public string? Description { get; set; }

    /// <summary>The nodes.</summary>
    public List<PipelineNode> Nodes { get; set; } = new();

    /// <summary>The wires.</summary>
    public List<Connection> Connections { get; set; } = new();

    /// <summary>The node of that id, or null.</summary>
    public PipelineNode? FindNode(string id) => Nodes.FirstOrDefault(n => n.Id == id);
}
