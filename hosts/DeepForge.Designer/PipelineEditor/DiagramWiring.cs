using Blazor.Diagrams;
using Blazor.Diagrams.Core.Events;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using DeepForge.Designer.Diagrams;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>Listens to what the user does on the diagram and tells the editor; undone on dispose, before a redraw.</summary>
internal sealed class DiagramWiring : IDisposable
{
    private readonly BlazorDiagram _diagram;
    private readonly PipelineEditorPage _page;

    public DiagramWiring(BlazorDiagram diagram, PipelineEditorPage page)
    {
        (_diagram, _page) = (diagram, page);
        foreach (var node in diagram.Nodes) node.Moved += OnMoved;
        foreach (var node in diagram.Nodes.OfType<PipelineNodeModel>()) node.PortHovered = page.DragOver;
        diagram.Links.Added += OnLinkAdded;
        diagram.Links.Removed += OnLinkRemoved;
        diagram.Nodes.Removed += OnNodeRemoved;
        diagram.SelectionChanged += OnSelectionChanged;
        diagram.PointerDown += OnPointerDown;
        diagram.PointerUp += OnPointerUp;
    }

    public void Dispose()
    {
        foreach (var node in _diagram.Nodes) node.Moved -= OnMoved;
        _diagram.Links.Added -= OnLinkAdded;
        _diagram.Links.Removed -= OnLinkRemoved;
        _diagram.Nodes.Removed -= OnNodeRemoved;
        _diagram.SelectionChanged -= OnSelectionChanged;
        _diagram.PointerDown -= OnPointerDown;
        _diagram.PointerUp -= OnPointerUp;
    }

    private void OnMoved(MovableModel model)
    {
        if (model is PipelineNodeModel node) _page.NodeMoved(node);
    }

    private void OnLinkAdded(BaseLinkModel link) => link.TargetAttached += OnTargetAttached;

    private void OnTargetAttached(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        if (link.Source.Model is NamedPortModel a && link.Target.Model is NamedPortModel b) _page.LinkDrawn(link, a, b);
    }

    private void OnLinkRemoved(BaseLinkModel link)
    {
        // A node's links go with it (the diagram takes the node out first): the node's deletion removes its
        // connections in the same edit, so that one undo brings the node back with them.
        if (link.Source.Model is NamedPortModel from && link.Target.Model is NamedPortModel to
            && _diagram.Nodes.Contains(from.Parent) && _diagram.Nodes.Contains(to.Parent)) _page.LinkDeleted(from, to);
    }

    private void OnNodeRemoved(NodeModel node)
    {
        if (node is PipelineNodeModel model) _page.NodeDeleted(model);
    }

    private void OnSelectionChanged(SelectableModel model) => _page.SelectionChanged(model);

    private void OnPointerDown(Model? model, PointerEventArgs e)
    {
        if (model is NamedPortModel port && e.Button == 0) _page.DragStarted(port);
    }

    private void OnPointerUp(Model? model, PointerEventArgs e) => _page.DragEnded(model as NamedPortModel);
}
