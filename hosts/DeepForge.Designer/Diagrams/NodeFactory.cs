using Blazor.Diagrams.Core.Geometry;
using DeepForge.Models;

namespace DeepForge.Designer.Diagrams;

/// <summary>Makes a node's diagram model with its ports: the operation's inputs and outputs, plus any port a connection names that the operation lacks.</summary>
internal static class NodeFactory
{
    public static PipelineNodeModel Create(PipelineNode node, Point position, PipelineDefinition pipeline, PipelineTypes types, ConnectionRules rules)
    {
        var descriptor = types.Operation(node);
        var problem = node.Kind == NodeKind.Operation && descriptor == null && types.Catalog != null
            ? $"unknown operation '{node.Operation}'" : null;
        var model = new PipelineNodeModel(node, position, descriptor) { Problem = problem };
        foreach (var (name, type) in Inputs(node, types)) Add(model, name, true, type, types, rules);
        foreach (var (name, type) in Outputs(node, types)) Add(model, name, false, type, types, rules);
        foreach (var c in pipeline.Connections)
        {
            if (Split(c.To) is { } to && to.Node == node.Id && model.Port(to.Port, true) == null) Add(model, to.Port, true, null, types, rules);
            if (Split(c.From) is { } from && from.Node == node.Id && model.Port(from.Port, false) == null) Add(model, from.Port, false, null, types, rules);
        }
        return model;
    }

    private static IEnumerable<(string Name, string? Type)> Inputs(PipelineNode node, PipelineTypes types) => node.Kind switch
    {
        NodeKind.Output => [(PipelineNode.DataPort, typeof(object).FullName)],
        NodeKind.Operation => types.Operation(node)?.Inputs.Select(i => (i.Name, (string?)i.DataType)) ?? [],
        _ => [],
    };

    private static IEnumerable<(string Name, string? Type)> Outputs(PipelineNode node, PipelineTypes types) => node.Kind switch
    {
        NodeKind.Input => [(PipelineNode.DataPort, types.InputType(node))],
        NodeKind.Operation => types.Operation(node)?.Outputs.Select(o => (o.Name, (string?)o.DataType)) ?? [],
        _ => [],
    };

    private static void Add(PipelineNodeModel model, string name, bool isInput, string? type, PipelineTypes types, ConnectionRules rules) =>
        model.AddPort(new NamedPortModel(model, name, isInput, type, types.Display(type)) { Rules = rules });

    private static PortRef? Split(string text)
    {
        try { return PortRef.Parse(text); }
        catch (FormatException) { return null; }
    }
}
