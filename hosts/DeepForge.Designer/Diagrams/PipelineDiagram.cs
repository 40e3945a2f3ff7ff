using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Options;
using DeepForge.Models;

namespace DeepForge.Designer.Diagrams;

/// <summary>A pipeline node on the diagram: its id, kind, operation and named ports.</summary>
public sealed class PipelineNodeModel(PipelineNode node, Point position) : NodeModel(node.Id, position)
{
    public PipelineNode Node { get; } = node;

    /// <summary>What an execution page shows for this node (Pending, Running, Succeeded, Failed, Cancelled, Cached); null in the editor.</summary>
    public string? Status { get; set; }

    public PipelineNodeModel WithPorts(IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        foreach (var name in inputs) AddPort(new NamedPortModel(this, name, isInput: true));
        foreach (var name in outputs) AddPort(new NamedPortModel(this, name, isInput: false));
        return this;
    }

    public NamedPortModel? Port(string name, bool isInput) =>
        Ports.OfType<NamedPortModel>().FirstOrDefault(p => p.Name == name && p.IsInput == isInput);
}

/// <summary>A port with the name the pipeline gives it; inputs on the left, outputs on the right.</summary>
public sealed class NamedPortModel(NodeModel parent, string name, bool isInput)
    : PortModel(parent, isInput ? PortAlignment.Left : PortAlignment.Right)
{
    public string Name { get; } = name;

    public bool IsInput { get; } = isInput;
}

/// <summary>Builds the diagram of a stored pipeline: nodes where they were saved, ports named by its connections.</summary>
internal static class PipelineDiagram
{
    private const double Spacing = 260;

    public static BlazorDiagram Build(PipelineDefinition pipeline)
    {
        var diagram = new BlazorDiagram(new BlazorDiagramOptions { AllowMultiSelection = false });
        diagram.RegisterComponent<PipelineNodeModel, PipelineNodeWidget>();
        var connections = pipeline.Connections.Select(c => (Source: c.Source, Target: c.Target)).ToList();
        var models = new Dictionary<string, PipelineNodeModel>();
        for (var i = 0; i < pipeline.Nodes.Count; i++)
        {
            var node = pipeline.Nodes[i];
            var inputs = connections.Where(c => c.Target.Node == node.Id).Select(c => c.Target.Port).Distinct().ToList();
            var outputs = connections.Where(c => c.Source.Node == node.Id).Select(c => c.Source.Port).Distinct().ToList();
            if (node.Kind == NodeKind.Input && outputs.Count == 0) outputs.Add(PipelineNode.DataPort);
            if (node.Kind == NodeKind.Output && inputs.Count == 0) inputs.Add(PipelineNode.DataPort);
            var position = node.Position is { } p ? new Point(p.X, p.Y) : new Point(40 + i * Spacing, 80);
            models[node.Id] = diagram.Nodes.Add(new PipelineNodeModel(node, position).WithPorts(inputs, outputs));
        }
        foreach (var (source, target) in connections)
        {
            if (models.GetValueOrDefault(source.Node)?.Port(source.Port, isInput: false) is { } from
                && models.GetValueOrDefault(target.Node)?.Port(target.Port, isInput: true) is { } to)
                diagram.Links.Add(new LinkModel(from, to) { TargetMarker = LinkMarker.Arrow });
        }
        return diagram;
    }
}
