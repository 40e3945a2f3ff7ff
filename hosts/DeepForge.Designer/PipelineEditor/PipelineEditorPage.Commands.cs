using DeepForge.Designer.PipelineEditor;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>The toolbar and the Execute Pipeline button.</summary>
public sealed partial class PipelineEditorPage
{
    private async Task AddOperationAsync()
    {
        var operations = _types.Catalog?.Operations ?? [];
        var chosen = await Dialogs.OpenAsync<AddOperationDialog>("Add operation",
            new Dictionary<string, object?> { ["Operations"] = operations }, new DialogOptions { Width = "36rem", AutoFocusFirstElement = false });
        if (chosen is not string name) return;
        var isNew = name.StartsWith("new:", StringComparison.Ordinal);
        if (isNew) name = name["new:".Length..];
        var node = new PipelineNode { Id = PipelineEdits.NewId(_pipeline!, name), Kind = NodeKind.Operation, Operation = name, Position = FreeSpot() };
        await EditAndRedrawAsync(PipelineEdits.Add(PipelineName, node));
        if (isNew) Navigation.NavigateTo($"{ProjectPages.Projects.ProjectPath(Name)}/operations/{Uri.EscapeDataString(name)}?new=true");
        else _selected = node.Id;
    }

    private async Task AddPortNodeAsync(NodeKind kind)
    {
        var id = PipelineEdits.NewId(_pipeline!, kind == NodeKind.Input ? "input" : "output");
        var node = new PipelineNode { Id = id, Kind = kind, Artifact = kind == NodeKind.Output ? id : null, Position = FreeSpot() };
        _selected = id;
        await EditAndRedrawAsync(PipelineEdits.Add(PipelineName, node));
    }

    /// <summary>Deletes what is selected, node or link, through the diagram: its events make the edits, as the Delete key does.</summary>
    private void DeleteSelected()
    {
        foreach (var model in _diagram?.GetSelectedModels().ToList() ?? [])
        {
            if (model is Blazor.Diagrams.Core.Models.Base.BaseLinkModel link) _diagram!.Links.Remove(link);
            else if (model is Blazor.Diagrams.Core.Models.NodeModel node) _diagram!.Nodes.Remove(node);
        }
        _anySelected = false;
    }

    /// <summary>
    /// The first free place, row by row in three columns from the top left: in view on a narrow canvas, never on
    /// another node (a node is taken as 210 × 140 at most).
    /// </summary>
    private NodePosition FreeSpot()
    {
        var taken = _pipeline!.Nodes.Select(n => n.Position).OfType<NodePosition>().ToList();
        for (var row = 0; ; row++)
        {
            foreach (var x in (double[])[40, 260, 480])
            {
                var spot = new NodePosition(x, 40 + row * 150);
                if (taken.All(p => Math.Abs(p.X - spot.X) >= 210 || Math.Abs(p.Y - spot.Y) >= 140)) return spot;
            }
        }
    }

    private async Task ExecuteAsync(bool useCache)
    {
        if (!_canEdit) return;
        _starting = true;
        try
        {
            // As in the original: the run appears in the execution tray, where a click opens it.
            var execution = await Starter.StartAsync(Name, PipelineName, new RunOptions { UseCache = useCache, StartedBy = (await Access.PersonAsync())?.Name });
            Notify(NotificationSeverity.Info, "Execution started", $"{execution.Id}: open it from the execution tray");
            if (_tray != null) await _tray.RefreshAsync();
        }
        catch (DeepForgeException e)
        {
            await Dialogs.Alert(e.Message, "The pipeline cannot run yet", new AlertOptions { OkButtonText = "OK" });
        }
        finally { _starting = false; }
    }
}
