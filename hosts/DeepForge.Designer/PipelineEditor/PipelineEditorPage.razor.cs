using Blazor.Diagrams;
using DeepForge.Designer.Collaboration;
using DeepForge.Designer.Diagrams;
using DeepForge.Designer.PipelineEditor;
using DeepForge.Designer.Runs;
using DeepForge.Designer.Undo;
using DeepForge.Models;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>
/// The pipeline editor: the graph, adding and removing nodes, connecting ports where the types fit, the selected
/// node's settings, and Execute Pipeline. Every edit goes through <see cref="ProjectEdits"/>; another page's edit
/// of the same project redraws this one.
/// </summary>
public sealed partial class PipelineEditorPage
{
    private readonly string _editorId = Guid.NewGuid().ToString("n");
    private BlazorDiagram? _diagram;
    private DiagramWiring? _wiring;
    private ProjectDefinition? _project;
    private PipelineDefinition? _pipeline;
    private PipelineTypes _types = PipelineTypes.None;
    private string? _selected;
    private bool _anySelected;
    private IReadOnlyList<Problem> _problems = [];
    private string? _problem;
    private (string Text, bool Fits)? _hint;
    private bool _starting;
    private ExecutionTray? _tray;
    private bool _canEdit = true;
    private EditStamp? _lastEdit;
    private EditHistory? _history;

    [Parameter] public string Name { get; set; } = "";
    [Parameter] public string PipelineName { get; set; } = "";

    [Inject] private DeepForgeEngine Engine { get; set; } = null!;
    [Inject] private ProjectEdits Edits { get; set; } = null!;
    [Inject] private ExecutionStarter Starter { get; set; } = null!;
    [Inject] private DialogService Dialogs { get; set; } = null!;
    [Inject] private NotificationService Notifications { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private Access.DesignerAccess Access { get; set; } = null!;
    [Inject] private EditHistories Histories { get; set; } = null!;

    private PipelineNode? SelectedNode => _selected == null ? null : _pipeline?.FindNode(_selected);

    protected override void OnInitialized() => Edits.Changed += OnProjectChanged;

    protected override Task OnParametersSetAsync()
    {
        _history = Histories.For(Name, "pipeline", PipelineName);
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            await Access.EnsureVisibleAsync(Name, CancellationToken.None);
            // The role in this project (a member shared as viewer only reads), as ProjectEdits checks it on every edit.
            _canEdit = await Access.RoleInAsync(Name, CancellationToken.None) >= DeepForge.Identity.PersonRole.Editor;
            _project = await Engine.Projects.GetAsync(Name);
            _lastEdit = _project.LastEditOf("pipeline", PipelineName);
            _pipeline = _project.FindPipeline(PipelineName);
            if (_pipeline == null) { _problem = $"Project '{Name}' has no pipeline '{PipelineName}'."; return; }
            _types = await PipelineTypes.LoadAsync(Engine, Name, CancellationToken.None);
            Draw();
            await CheckAsync();
            _problem = null;
        }
        catch (DeepForgeException e) { _problem = e.Message; }
    }

    private void Draw()
    {
        // Unwired first: the nodes a redraw removes must not be taken for deletions by the user.
        _wiring?.Dispose();
        if (_diagram == null)
        {
            _diagram = PipelineDiagram.Build(_pipeline!, _types);
            if (!_canEdit) ReadOnlyDiagram.Lock(_diagram);
        }
        else PipelineDiagram.Redraw(_diagram, _pipeline!, _types);
        if (!_canEdit) ReadOnlyDiagram.LockModels(_diagram);
        _wiring = new DiagramWiring(_diagram, this);
        if (_selected != null && PipelineDiagram.Find(_diagram, _selected) is { } node) _diagram.SelectModel(node, unselectOthers: true);
    }

    /// <summary>Validates the pipeline as Execute would and marks the nodes at fault.</summary>
    private async Task CheckAsync()
    {
        _problems = await PipelineProblems.ReadAsync(Engine, Name, PipelineName, CancellationToken.None);
        if (_diagram != null) PipelineProblems.Show(_diagram, _problems);
    }

    private void OnProjectChanged(ProjectChange change)
    {
        if (change.Project != Name || change.Editor == _editorId) return;
        _ = InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); });
    }

    public void Dispose()
    {
        Edits.Changed -= OnProjectChanged;
        _wiring?.Dispose();
    }
}
