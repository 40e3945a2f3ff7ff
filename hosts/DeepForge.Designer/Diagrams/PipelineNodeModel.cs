using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using DeepForge.Catalog;
using DeepForge.Models;

namespace DeepForge.Designer.Diagrams;

/// <summary>A pipeline node on the diagram: its id, kind, operation (when the catalog knows it) and named, typed ports.</summary>
public sealed class PipelineNodeModel(PipelineNode node, Point position, OperationDescriptor? descriptor = null) : NodeModel(node.Id, position)
{
    /// <summary>The node as last stored (a redraw that keeps this model gives it the newer record).</summary>
    public PipelineNode Node { get; private set; } = node;

    /// <summary>The operation's interface, when the project's catalog has it.</summary>
    public OperationDescriptor? Descriptor { get; private set; } = descriptor;

    /// <summary>What an execution page shows for this node (Pending, Running, Succeeded, Failed, Cancelled, Cached); null in the editor.</summary>
    public string? Status { get; set; }

    /// <summary>What is wrong with this node as it is (an unknown operation, an input left unconnected), shown on it.</summary>
    public string? Problem { get; set; }

    /// <summary>Told when the pointer enters a port (null when it leaves): the editor's hint while a link is dragged.</summary>
    public Action<NamedPortModel?>? PortHovered { get; set; }

    /// <summary>Whether <paramref name="other"/> (made for a newer record of this node) draws the same: kind, subtitle and ports.</summary>
    public bool LooksLike(PipelineNodeModel other) =>
        Node.Id == other.Node.Id && Node.Kind == other.Node.Kind && Node.Operation == other.Node.Operation && Node.Artifact == other.Node.Artifact
        && Ports.OfType<NamedPortModel>().Select(PortLook).SequenceEqual(other.Ports.OfType<NamedPortModel>().Select(PortLook));

    /// <summary>Takes <paramref name="newer"/>'s record, interface, problem, position and connection rules (it <see cref="LooksLike"/> this one).</summary>
    public void TakeFrom(PipelineNodeModel newer)
    {
        (Node, Descriptor, Problem) = (newer.Node, newer.Descriptor, newer.Problem);
        if (Position.X != newer.Position.X || Position.Y != newer.Position.Y) SetPosition(newer.Position.X, newer.Position.Y);
        foreach (var (port, newerPort) in Ports.OfType<NamedPortModel>().Zip(newer.Ports.OfType<NamedPortModel>())) port.Rules = newerPort.Rules;
        Refresh();
    }

    private static (string, bool, string?, string) PortLook(NamedPortModel port) => (port.Name, port.IsInput, port.DataType, port.DisplayType);

    public NamedPortModel? Port(string name, bool isInput) =>
        Ports.OfType<NamedPortModel>().FirstOrDefault(p => p.Name == name && p.IsInput == isInput);

    public IEnumerable<NamedPortModel> Inputs => Ports.OfType<NamedPortModel>().Where(p => p.IsInput);

    public IEnumerable<NamedPortModel> Outputs => Ports.OfType<NamedPortModel>().Where(p => !p.IsInput);
}
