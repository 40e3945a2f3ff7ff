using Blazor.Diagrams;
using DeepForge.Designer.Diagrams;
using DeepForge.Models;

namespace DeepForge.Designer.Executions;

/// <summary>The pipeline of an execution drawn read-only: nodes can be looked at and selected, not moved, wired or deleted.</summary>
internal static class ExecutionDiagram
{
    public static BlazorDiagram Build(PipelineDefinition pipeline, Action<string> selected)
    {
        var diagram = PipelineDiagram.Build(pipeline);
        // What ran cannot change: no dragging nodes, no new links, no Delete key. Panning, zooming and selecting stay.
        ReadOnlyDiagram.Lock(diagram);
        diagram.SelectionChanged += model =>
        {
            if (model is PipelineNodeModel { Selected: true } node) selected(node.Node.Id);
        };
        // Fitted once the browser has measured the canvas and every node, and again when the canvas changes size.
        diagram.ContainerChanged += () => Fit(diagram);
        foreach (var node in diagram.Nodes) node.SizeChanged += _ => Fit(diagram);
        return diagram;
    }

    /// <summary>A canvas height in pixels for the pipeline's layout; taller layouts are zoomed out to fit it.</summary>
    public static int HeightFor(PipelineDefinition pipeline)
    {
        var lowest = pipeline.Nodes.Select(n => n.Position?.Y ?? 80).DefaultIfEmpty(80).Max();
        return (int)Math.Clamp(lowest + 160, 200, MaxHeight);
    }

    // Low enough that the jobs' charts below it start on the first screen; taller pipelines are zoomed out.
    private const int MaxHeight = 280;
    private const double Margin = 30;

    /// <summary>Centres the pipeline in the canvas, zoomed out as far as it takes to show all of it, never zoomed in.</summary>
    private static void Fit(BlazorDiagram diagram)
    {
        if (diagram.Container is not { Width: > 0, Height: > 0 } box || diagram.Nodes.Count == 0 || diagram.Nodes.Any(n => n.Size == null)) return;
        var (left, top) = (diagram.Nodes.Min(n => n.Position.X), diagram.Nodes.Min(n => n.Position.Y));
        var (right, bottom) = (diagram.Nodes.Max(n => n.Position.X + n.Size!.Width), diagram.Nodes.Max(n => n.Position.Y + n.Size!.Height));
        var zoom = Math.Min(1, Math.Min((box.Width - 2 * Margin) / Math.Max(1, right - left), (box.Height - 2 * Margin) / Math.Max(1, bottom - top)));
        diagram.SetZoom(Math.Max(0.2, zoom));
        diagram.SetPan((box.Width - (right - left) * diagram.Zoom) / 2 - left * diagram.Zoom, (box.Height - (bottom - top) * diagram.Zoom) / 2 - top * diagram.Zoom);
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
