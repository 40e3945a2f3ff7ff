using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using DeepForge.Designer.Diagrams;
using DeepForge.Models;

namespace DeepForge.Designer.Components.Executions;

/// <summary>The pipeline of an execution drawn read-only: nodes can be looked at and selected, not moved, wired or deleted.</summary>
internal static class ExecutionDiagram
{
    public static BlazorDiagram Build(PipelineDefinition pipeline, Action<string> selected)
    {
        var diagram = PipelineDiagram.Build(pipeline);
        // What ran cannot change: no dragging nodes, no new links, no Delete key. Panning, zooming and selecting stay.
        diagram.UnregisterBehavior<DragMovablesBehavior>();
        diagram.UnregisterBehavior<DragNewLinkBehavior>();
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        foreach (var node in diagram.Nodes) node.Locked = true;
        foreach (var link in diagram.Links) link.Locked = true;
        diagram.SelectionChanged += model =>
        {
            if (model is PipelineNodeModel { Selected: true } node) selected(node.Node.Id);
        };
        return diagram;
    }

    /// <summary>A canvas height in pixels that shows every node where the pipeline placed it (seeds lay theirs out top to bottom).</summary>
    public static int HeightFor(PipelineDefinition pipeline)
    {
        var lowest = pipeline.Nodes.Select(n => n.Position?.Y ?? 80).DefaultIfEmpty(80).Max();
        return (int)Math.Clamp(lowest + 160, 200, 560);
    }

    /// <summary>Sets each node's status and redraws only the nodes whose status changed.</summary>
    public static void ShowStatus(BlazorDiagram diagram, Func<string, string> statusOf)
    {
        foreach (var node in diagram.Nodes.OfType<PipelineNodeModel>())
        {
            var status = statusOf(node.Node.Id);
            if (node.Status == status) continue;
            node.Status = status;
            node.Refresh();
        }
    }
}
