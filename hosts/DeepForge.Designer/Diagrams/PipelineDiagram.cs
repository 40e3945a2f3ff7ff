using Blazor.Diagrams;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Options;
using DeepForge.Models;

namespace DeepForge.Designer.Diagrams;

/// <summary>
/// Builds the diagram of a stored pipeline: nodes where they were saved, every port of each operation with its
/// type (from the project's catalog when given), and the pipeline's connections as links.
/// </summary>
internal static class PipelineDiagram
{
    private const double Spacing = 260;

    public static BlazorDiagram Build(PipelineDefinition pipeline) => Build(pipeline, PipelineTypes.None);

    public static BlazorDiagram Build(PipelineDefinition pipeline, PipelineTypes types)
    {
        var diagram = new BlazorDiagram(new BlazorDiagramOptions { AllowMultiSelection = false });
        diagram.Options.Links.RequireTarget = true;
        diagram.RegisterComponent<PipelineNodeModel, PipelineNodeWidget>();
        Fill(diagram, pipeline, types);
        return diagram;
    }

    /// <summary>
    /// Draws the pipeline again on the same diagram, so its canvas stays: a new canvas each time left the old one's
    /// resize observer calling into a disposed component (a script error in the page). A node that draws as before keeps
    /// its model (and so its element in the page): another person's edit redrew every node, and a click or drag begun on
    /// one as the redraw arrived was lost with the element it began on.
    /// </summary>
    public static void Redraw(BlazorDiagram diagram, PipelineDefinition pipeline, PipelineTypes types)
    {
        diagram.Batch(() =>
        {
            diagram.Links.Remove(diagram.Links.ToList());
            var shown = diagram.Nodes.OfType<PipelineNodeModel>().ToDictionary(n => n.Node.Id);
            var rules = new ConnectionRules(types.Catalog, () => pipeline.Connections);
            for (var i = 0; i < pipeline.Nodes.Count; i++)
            {
                var fresh = NodeFactory.Create(pipeline.Nodes[i], PositionOf(pipeline.Nodes[i], i), pipeline, types, rules);
                if (shown.Remove(fresh.Node.Id, out var old) && old.LooksLike(fresh)) { old.TakeFrom(fresh); continue; }
                if (old != null) diagram.Nodes.Remove(old);
                diagram.Nodes.Add(fresh);
            }
            diagram.Nodes.Remove(diagram.Nodes.Where(n => n is not PipelineNodeModel || shown.ContainsValue((PipelineNodeModel)n)).ToList());
            foreach (var connection in pipeline.Connections) AddLink(diagram, connection);
        });
    }

    private static void Fill(BlazorDiagram diagram, PipelineDefinition pipeline, PipelineTypes types)
    {
        var rules = new ConnectionRules(types.Catalog, () => pipeline.Connections);
        for (var i = 0; i < pipeline.Nodes.Count; i++)
            diagram.Nodes.Add(NodeFactory.Create(pipeline.Nodes[i], PositionOf(pipeline.Nodes[i], i), pipeline, types, rules));
        foreach (var connection in pipeline.Connections) AddLink(diagram, connection);
    }

    private static Point PositionOf(PipelineNode node, int index) =>
        node.Position is { } p ? new Point(p.X, p.Y) : new Point(40 + index * Spacing, 80);

    public static LinkModel? AddLink(BlazorDiagram diagram, Connection connection)
    {
        PortRef source, target;
        try { (source, target) = (connection.Source, connection.Target); }
        catch (FormatException) { return null; }
        if (Find(diagram, source.Node)?.Port(source.Port, isInput: false) is not { } from
            || Find(diagram, target.Node)?.Port(target.Port, isInput: true) is not { } to) return null;
        return diagram.Links.Add(new LinkModel(from, to) { TargetMarker = LinkMarker.Arrow });
    }

    public static PipelineNodeModel? Find(BlazorDiagram diagram, string nodeId) =>
        diagram.Nodes.OfType<PipelineNodeModel>().FirstOrDefault(n => n.Node.Id == nodeId);
}
