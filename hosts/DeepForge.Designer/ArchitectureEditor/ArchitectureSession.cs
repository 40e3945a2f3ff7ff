using System.Reflection;
using DeepForge.Designer.Collaboration;
using DeepForge.Designer.Undo;
using DeepForge.Models;
using DeepForge.Torch.Layers;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// What one architecture editor page works on: the project, the architecture shown (a project architecture or
/// one nested in a layer's attribute), its shape labels and the layers it may use. Every change goes through
/// <see cref="ProjectEdits"/>, recorded in <paramref name="history"/> (the circuit's for this architecture, or one of
/// its own) so that it can be undone, and the state is then recomputed from what was stored.
/// </summary>
internal sealed class ArchitectureSession(ProjectEdits edits, DeepForgeEngine engine, string project, string root, string editor, EditHistory? history = null)
{
    private readonly EditHistory _history = history ?? new EditHistory(edits, project);

    private readonly List<NestedStep> _path = [];

    // For each nested step, the shape entering its layer in the architecture above: a nested architecture without
    // its own input shape is labelled for what it will receive.
    private readonly List<IReadOnlyList<long>?> _entering = [];

    public string Project => project;

    public string Root => root;

    public string Editor => editor;

    /// <summary>The nested steps from the project architecture to the one shown.</summary>
    public IReadOnlyList<NestedStep> Path => _path;

    public ProjectDefinition? Definition { get; private set; }

    /// <summary>This person's undo and redo of the architecture (nested ones included) in this tab.</summary>
    public EditHistory History => _history;

    /// <summary>The architecture shown: a copy, edits go through the session.</summary>
    public ArchitectureDefinition? Current { get; private set; }

    public ShapeLabelSet Labels { get; private set; } = ShapeLabelSet.Empty;

    public LayerCatalog Catalog { get; private set; } = LayerCatalog.BuiltIn;

    /// <summary>Why the project's code gives no custom layers (it does not compile), if so.</summary>
    public string? CodeProblem { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken = default) =>
        await RefreshAsync(await engine.Projects.GetAsync(project, cancellationToken), cancellationToken);

    public LayerType? TypeOf(LayerNode layer) => Catalog.Find(layer.Type);

    public Task<string?> AddLayerAsync(string type, NodePosition? position, string? after, CancellationToken cancellationToken = default) =>
        EditAsync(a => ArchitectureEdits.AddLayer(a, type, position, after), cancellationToken);

    /// <summary>
    /// Inserts a layer of <paramref name="type"/> after layer <paramref name="after"/> (between it and
    /// <paramref name="before"/> when given; after the output layer when neither is), fills its size attributes from
    /// the shape it will receive and lays the architecture out again, as one edit. Returns the new layer's id.
    /// </summary>
    public Task<string?> InsertLayerAsync(string type, string? after, string? before, Func<LayerNode, (double Width, double Height)> size,
        CancellationToken cancellationToken = default)
    {
        var entering = Current == null ? null : ShapeAfter(Current, after ?? ArchitectureEdits.OutputLayer(Current));
        var layerType = Catalog.Find(type);
        return EditAsync(a =>
        {
            var id = ArchitectureEdits.Insert(a, type, after, before);
            if (layerType != null) LayerSizes.Fill(a.Layers.Single(l => l.Id == id), layerType, entering);
            ArchitectureLayout.Arrange(a, size);
            return id;
        }, cancellationToken);
    }

    /// <summary>Lays the architecture out top to bottom; <paramref name="size"/> gives each layer's size on the page.</summary>
    public Task ArrangeAsync(Func<LayerNode, (double Width, double Height)> size, CancellationToken cancellationToken = default) =>
        ApplyAsync(a => ArchitectureLayout.Arrange(a, size), cancellationToken);

    // The batched shape leaving layer `after`, or for a first layer the architecture's input.
    private IReadOnlyList<long>? ShapeAfter(ArchitectureDefinition current, string? after)
    {
        if (after != null) return Labels.Outputs.GetValueOrDefault(after);
        if (current.Layers.Count > 0) return null;
        var input = current.InputShape ?? (_entering.Count > 0 ? _entering[^1] : null);
        return input?.Prepend(1L).ToList();
    }

    /// <summary>Connects two layers; the reason when refused (nothing is stored then).</summary>
    public async Task<string?> ConnectAsync(LayerLink link, CancellationToken cancellationToken = default)
    {
        string? refused = null;
        await ApplyAsync(a => (refused = ArchitectureEdits.Connect(a, link.From, link.To)) == null, cancellationToken);
        return refused;
    }

    public Task DisconnectAsync(LayerLink link, CancellationToken cancellationToken = default) =>
        ApplyAsync(a => ArchitectureEdits.Disconnect(a, link.From, link.To), cancellationToken);

    public Task RemoveLayerAsync(string id, CancellationToken cancellationToken = default) =>
        ApplyAsync(a => ArchitectureEdits.RemoveLayer(a, id), cancellationToken);

    public Task MoveAsync(string id, double x, double y, CancellationToken cancellationToken = default) =>
        ApplyAsync(a => ArchitectureEdits.Move(a, id, x, y), cancellationToken);

    public Task SetAttributeAsync(string id, string name, System.Text.Json.JsonElement? value, CancellationToken cancellationToken = default) =>
        ApplyAsync(a => ArchitectureEdits.SetAttribute(a, id, name, value), cancellationToken);

    public Task SetInputShapeAsync(IReadOnlyList<long>? shape, CancellationToken cancellationToken = default) =>
        ApplyAsync(a => ArchitectureEdits.SetInputShape(a, shape), cancellationToken);

    /// <summary>Opens the architecture held by a module-typed attribute of a layer of the one shown.</summary>
    public async Task EnterAsync(string layer, string attribute, CancellationToken cancellationToken = default)
    {
        var entering = Current == null ? null : ShapeLabels.EnteringShape(Current, Labels, layer);
        _path.Add(new NestedStep(layer, attribute));
        _entering.Add(entering);
        await LoadAsync(cancellationToken);
    }

    /// <summary>Goes back up to the architecture <paramref name="depth"/> steps below the project's (0: the project's own).</summary>
    public async Task BackAsync(int depth, CancellationToken cancellationToken = default)
    {
        _path.RemoveRange(depth, _path.Count - depth);
        _entering.RemoveRange(depth, _entering.Count - depth);
        await LoadAsync(cancellationToken);
    }

    /// <summary>Reloads after another page changed the project; a nested architecture that is gone takes the editor back up.</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var latest = await engine.Projects.GetAsync(project, cancellationToken);
        while (_path.Count > 0 && !Resolves(latest))
        {
            _path.RemoveAt(_path.Count - 1);
            _entering.RemoveAt(_entering.Count - 1);
        }
        await RefreshAsync(latest, cancellationToken);
    }

    private bool Resolves(ProjectDefinition latest)
    {
        try { ArchitecturePath.Resolve(latest, root, _path); return true; }
        catch (DeepForgeException) { return false; }
    }

    /// <summary>Takes back the last edit (at whatever level it was made); a <see cref="DeepForgeException"/> says why it was refused.</summary>
    public Task UndoAsync(CancellationToken cancellationToken = default) => TakeBackAsync(_history.UndoAsync(editor, cancellationToken), cancellationToken);

    /// <summary>Does again the last edit undone.</summary>
    public Task RedoAsync(CancellationToken cancellationToken = default) => TakeBackAsync(_history.RedoAsync(editor, cancellationToken), cancellationToken);

    private async Task TakeBackAsync(Task<ProjectDefinition?> step, CancellationToken cancellationToken)
    {
        try { await step; }
        finally
        {
            // Refused or not, show what is stored: a refusal may come from a change this page has not shown yet.
            await ReloadAsync(cancellationToken);
        }
    }

    private async Task<string?> EditAsync(Func<ArchitectureDefinition, string> edit, CancellationToken cancellationToken)
    {
        string? result = null;
        await ApplyAsync(a => { result = edit(a); return true; }, cancellationToken);
        return result;
    }

    private async Task ApplyAsync(Func<ArchitectureDefinition, bool> edit, CancellationToken cancellationToken)
    {
        var path = _path.ToList();
        var stored = await _history.ApplyAsync(editor, new ArchitectureScope(root, path), p => ArchitecturePath.Edit(p, root, path, edit), cancellationToken);
        await RefreshAsync(stored, cancellationToken);
    }

    private async Task RefreshAsync(ProjectDefinition latest, CancellationToken cancellationToken)
    {
        var current = ArchitectureJson.Copy(ArchitecturePath.Resolve(latest, root, _path));
        var library = ShapeLabels.Library(latest);
        // Compiling the project's code and a forward pass are work for the thread pool, not the page's circuit.
        var (assemblies, problem) = await Task.Run(() => LayerAssemblies(latest), cancellationToken);
        var entering = current.InputShape == null && _entering.Count > 0 ? _entering[^1] : null;
        var labels = await Task.Run(() => ShapeLabels.Compute(current, library, assemblies, entering), cancellationToken);
        (Definition, Current, Labels, CodeProblem) = (latest, current, labels, problem);
        Catalog = LayerCatalog.For(assemblies);
    }

    private static (IReadOnlyList<Assembly>, string?) LayerAssemblies(ProjectDefinition project)
    {
        if (ProjectSources.CustomLayers(project.Sources).Count == 0) return ([], null);
        var code = ProjectCode.Compile(project.Sources);
        return (code.Assemblies, code.Assembly == null ? $"The project's code does not compile, so its custom layers are missing: {code.Errors.FirstOrDefault()}" : null);
    }
}
