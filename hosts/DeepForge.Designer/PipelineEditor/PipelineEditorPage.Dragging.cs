using DeepForge.Designer.Diagrams;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>While a link is dragged from a port: every port shows whether it takes the link, and the hint says why not.</summary>
public sealed partial class PipelineEditorPage
{
    private NamedPortModel? _dragFrom;
    private NamedPortModel? _dragOver;

    internal void DragStarted(NamedPortModel port)
    {
        _dragFrom = port;
        foreach (var other in AllPorts()) other.DragState = (true, other == port ? null : port.CanAttachTo(other) ? null : Refusal(port, other));
        RefreshNodes();
    }

    internal void DragOver(NamedPortModel? port)
    {
        if (_dragFrom == null || port == _dragOver) return;
        _dragOver = port;
        _hint = port == null || port == _dragFrom ? null
            : port.DragState.Refusal is { } refusal ? (refusal, false) : ($"{_dragFrom.FullName} → {port.FullName}: fits", true);
        StateHasChanged();
    }

    internal void DragEnded(NamedPortModel? port)
    {
        if (_dragFrom == null) return;
        if (port != null && port != _dragFrom && port.DragState.Refusal is { } refusal)
            Notify(Radzen.NotificationSeverity.Warning, "Not connected", refusal);
        foreach (var other in AllPorts()) other.DragState = (false, null);
        (_dragFrom, _dragOver, _hint) = (null, null, null);
        RefreshNodes();
        StateHasChanged();
    }

    private static string Refusal(NamedPortModel from, NamedPortModel to) =>
        from.Rules?.WhyNot(from, to) ?? ConnectionRules.Basic(from, to) ?? "does not fit";

    private IEnumerable<NamedPortModel> AllPorts() => _diagram?.Nodes.SelectMany(n => n.Ports).OfType<NamedPortModel>() ?? [];

    private void RefreshNodes()
    {
        if (_diagram == null) return;
        foreach (var node in _diagram.Nodes) node.Refresh();
    }
}
