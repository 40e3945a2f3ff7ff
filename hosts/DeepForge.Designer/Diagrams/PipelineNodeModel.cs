using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using DeepForge.Catalog;
using DeepForge.Models;

namespace DeepForge.Designer.Diagrams;

/// <summary>A pipeline node on the diagram: its id, kind, operation (when the catalog knows it) and named, typed ports.</summary>
public sealed class PipelineNodeModel(PipelineNode node, Point position) : NodeModel(node.Id, position)
{
    public PipelineNode Node { get; } = node;

    /// <summary>The operation's interface, when the project's catalog has it.</summary>
    public OperationDescriptor? Descriptor { get; init; }

    /// <summary>What an execution page shows for this node (Pending, Running, Succeeded, Failed, Cancelled, Cached); null in the editor.</summary>
    public string? Status { get; set; }

    /// <summary>What is wrong with this node as it is (an unknown operation, an input left unconnected), shown on it.</summary>
    public string? Problem { get; set; }

    /// <summary>Told when the pointer enters a port (null when it leaves): the editor's hint while a link is dragged.</summary>
    public Action<NamedPortModel?>? PortHovered { get; set; }

    public NamedPortModel? Port(string name, bool isInput) =>
        Ports.OfType<NamedPortModel>().FirstOrDefault(p => p.Name == name && p.IsInput == isInput);

    public IEnumerable<NamedPortModel> Inputs => Ports.OfType<NamedPortModel>().Where(p => p.IsInput);

    public IEnumerable<NamedPortModel> Outputs => Ports.OfType<NamedPortModel>().Where(p => !p.IsInput);
}
