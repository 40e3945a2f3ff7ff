using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using DeepForge.Designer.Diagrams;
using DeepForge.Designer.PipelineEditor;
using DeepForge.Designer.Undo;
using DeepForge.Models;
using Radzen;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>What the user does on the diagram, turned into edits of the stored pipeline.</summary>
public sealed partial class PipelineEditorPage
{
    internal void NodeMoved(PipelineNodeModel node) =>
        _ = EditAsync(PipelineEdits.Move(PipelineName, node.Node.Id, node.Position.X, node.Position.Y));

    internal void LinkDrawn(BaseLinkModel link, NamedPortModel a, NamedPortModel b)
    {
        var (from, to) = a.IsInput ? (b, a) : (a, b);
        if (a.IsInput)
        {
            // Drawn from an input back to an output: redrawn the way data flows, so the arrow points at the input.
            _diagram!.Links.Remove(link);
            PipelineDiagram.AddLink(_diagram, new Connection(from.FullName, to.FullName));
        }
        _ = EditAsync(PipelineEdits.Connect(PipelineName, from.FullName, to.FullName));
    }

    internal void LinkDeleted(NamedPortModel from, NamedPortModel to)
    {
        if (from.IsInput) (from, to) = (to, from);
        _ = EditAsync(PipelineEdits.Disconnect(PipelineName, from.FullName, to.FullName));
    }

    internal void NodeDeleted(PipelineNodeModel node)
    {
        if (_selected == node.Node.Id) _selected = null;
        _ = EditAsync(PipelineEdits.Remove(PipelineName, node.Node.Id));
    }

    internal void SelectionChanged(SelectableModel model)
    {
        var models = _diagram?.GetSelectedModels().ToList() ?? [];
        var selected = models.OfType<PipelineNodeModel>().FirstOrDefault()?.Node.Id;
        if (selected == _selected && _anySelected == models.Count > 0) return;
        (_selected, _anySelected) = (selected, models.Count > 0);
        _ = InvokeAsync(StateHasChanged);
    }

    private void Unselect()
    {
        _diagram?.UnselectAll();
        _selected = null;
    }

    /// <summary>Applies an edit to the stored project and to this page's copy, without redrawing (the diagram shows it already).</summary>
    private async Task EditAsync(Func<ProjectDefinition, bool> edit)
    {
        // A viewer's diagram is locked; anything that still reaches here is shown as stored again, not refused once per drag.
        if (!_canEdit) { await LoadAsync(); StateHasChanged(); return; }
        try
        {
            edit(_project!);
            _lastEdit = (await _history!.ApplyAsync(_editorId, new PipelineScope(PipelineName), edit)).LastEditOf("pipeline", PipelineName);
            await CheckAsync();
        }
        catch (DeepForgeException e)
        {
            Notify(NotificationSeverity.Error, "Not saved", e.Message);
            await LoadAsync();
        }
        StateHasChanged();
    }

    /// <summary>Applies an edit and redraws: for edits the diagram does not show by itself (settings, new nodes).</summary>
    private async Task EditAndRedrawAsync(Func<ProjectDefinition, bool> edit)
    {
        if (!_canEdit) return;
        try { await _history!.ApplyAsync(_editorId, new PipelineScope(PipelineName), edit); }
        catch (DeepForgeException e) { Notify(NotificationSeverity.Error, "Not saved", e.Message); }
        await LoadAsync();
        StateHasChanged();
    }

    private Task UndoAsync() => TakeBackAsync(h => h.UndoAsync(_editorId), "Not undone");

    private Task RedoAsync() => TakeBackAsync(h => h.RedoAsync(_editorId), "Not redone");

    /// <summary>Undo or redo, then the pipeline as stored: what came back, or what went again, is drawn anew.</summary>
    private async Task TakeBackAsync(Func<EditHistory, Task<ProjectDefinition?>> step, string refused)
    {
        if (!_canEdit || _history == null) return;
        try { await step(_history); }
        catch (DeepForgeException e) { Notify(NotificationSeverity.Warning, refused, e.Message); }
        await LoadAsync();
        StateHasChanged();
    }

    private void Notify(NotificationSeverity severity, string summary, string detail) =>
        Notifications.Notify(new NotificationMessage { Severity = severity, Summary = summary, Detail = detail, Duration = 8000 });
}
