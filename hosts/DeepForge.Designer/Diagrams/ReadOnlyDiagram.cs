using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;

namespace DeepForge.Designer.Diagrams;

/// <summary>A diagram that can be looked at, panned, zoomed and selected in, but not changed: no dragging, no new links, no Delete key.</summary>
internal static class ReadOnlyDiagram
{
    /// <summary>Takes the diagram's editing behaviours away and locks what it shows; call once per diagram.</summary>
    public static void Lock(BlazorDiagram diagram)
    {
        diagram.UnregisterBehavior<DragMovablesBehavior>();
        diagram.UnregisterBehavior<DragNewLinkBehavior>();
        diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        LockModels(diagram);
    }

    /// <summary>Locks every node and link, as after a redraw added new ones.</summary>
    public static void LockModels(BlazorDiagram diagram)
    {
        foreach (var node in diagram.Nodes) node.Locked = true;
        foreach (var link in diagram.Links) link.Locked = true;
    }
}
