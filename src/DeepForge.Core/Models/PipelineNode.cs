using System.Text.Json;

namespace DeepForge.Models;

/// <summary>A node of a pipeline: an operation, an Input that names an artifact, or an Output that names what to save.</summary>
public sealed class PipelineNode
{
    /// <summary>The port name of Input and Output nodes.</summary>
    public const string DataPort = "data";

    /// <summary>Unique within the pipeline; no dots.</summary>
    public string Id { get; set; } = "";

    /// <summary>What the node is.</summary>
    public NodeKind Kind { get; set; } = NodeKind.Operation;

    /// <summary>For operation nodes: the operation's name.</summary>
    public string? Operation { get; set; }

    /// <summary>For Input nodes the artifact read (newest of that name); for Output nodes the name saved under.</summary>
    public string? Artifact { get; set; }

    /// <summary>For Input nodes: run without a value when no artifact is found (the operation input must be optional).</summary>
    public bool Optional { get; set; }

    /// <summary>Design-time attribute values, by constructor parameter name.</summary>
    public Dictionary<string, JsonElement> Attributes { get; set; } = new();

    /// <summary>References (for example an architecture name), by constructor parameter name.</summary>
    public Dictionary<string, string> References { get; set; } = new();

    /// <summary>Worker labels this node needs beyond its operation's own.</summary>
    public List<string> Labels { get; set; } = new();

    /// <summary>How many times a failed run of this node is tried again.</summary>
    public int Retries { get; set; }

    /// <summary>Where the designer draws the node.</summary>
    public NodePosition? Position { get; set; }
}
