using DeepForge.Designer.Collaboration;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// The custom layer and data type editors' work: find the file declaring the class (or start one from a
/// template), read it as it is typed, and save it through <see cref="ProjectEdits"/> when it compiles.
/// </summary>
internal sealed class SourceEditorSession(ProjectEdits edits, DeepForgeEngine engine, string project, string name, SourceKind kind, string editor)
{
    public string Name => name;

    public SourceKind Kind => kind;

    /// <summary>The file's path in the project.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The text as stored (or the template, for a new class).</summary>
    public string Stored { get; private set; } = "";

    public bool IsNew { get; private set; }

    public CustomLayerReading? Layer { get; private set; }

    public DataTypeInfo? DataType { get; private set; }

    public IReadOnlyList<string> Errors => Layer?.Errors ?? _errors;

    private IReadOnlyList<string> _errors = [];
    private IReadOnlyList<SourceFile> _sources = [];

    /// <summary>Loads the file declaring the class; with <paramref name="create"/> a missing one starts from the template.</summary>
    public async Task LoadAsync(bool create, CancellationToken cancellationToken = default)
    {
        var problem = SourceNames.Problem(name, kind == SourceKind.Layer ? "layer" : "data type");
        if (problem != null) throw new DeepForgeException(name, problem);
        var definition = await engine.Projects.GetAsync(project, cancellationToken);
        _sources = definition.Sources;
        var file = ProjectSources.FileDeclaring(_sources, name);
        if (file == null && !create)
            throw new DeepForgeException(name, $"project '{project}' has no {What} '{name}'; create it from the architecture editor's palette or the project page");
        IsNew = file == null;
        Path = file?.Path ?? $"{(kind == SourceKind.Layer ? ProjectSources.LayerFolder : ProjectSources.TypeFolder)}{name}.cs";
        Stored = file?.Text ?? (kind == SourceKind.Layer ? SourceTemplates.Layer(name) : SourceTemplates.DataType(name));
        await ReadAsync(Stored, cancellationToken);
    }

    /// <summary>Reads the code as typed: the layer's attributes, or the data type's base type and storage.</summary>
    public async Task ReadAsync(string text, CancellationToken cancellationToken = default)
    {
        var code = await Task.Run(() => ProjectCode.Compile(_sources, new SourceFile(Path, text)), cancellationToken);
        if (kind == SourceKind.Layer) Layer = CustomLayerReading.Read(code, name);
        else (DataType, _errors) = (DataTypeReader.Read(code, name), code.Errors);
    }

    /// <summary>Stores the code; refused, with the first error, when it does not compile (the project's code must keep compiling).</summary>
    public async Task<string?> SaveAsync(string text, CancellationToken cancellationToken = default)
    {
        await ReadAsync(text, cancellationToken);
        if (Errors.Count > 0) return $"Not saved: the code does not compile. {Errors[0]}";
        var file = new SourceFile(Path, text);
        var stored = await edits.ApplyAsync(project, editor, p =>
        {
            var index = p.Sources.FindIndex(s => s.Path == file.Path);
            if (index >= 0 && p.Sources[index].Text == file.Text) return false;
            if (index >= 0) p.Sources[index] = file;
            else p.Sources.Add(file);
            return true;
        }, cancellationToken);
        (_sources, Stored, IsNew) = (stored.Sources, text, false);
        return null;
    }

    /// <summary>The stored text of the file after another page changed the project, or null when it did not change.</summary>
    public async Task<string?> ReloadAsync(CancellationToken cancellationToken = default)
    {
        var definition = await engine.Projects.GetAsync(project, cancellationToken);
        _sources = definition.Sources;
        var text = definition.Sources.FirstOrDefault(s => s.Path == Path)?.Text;
        if (text == null || text == Stored) return null;
        Stored = text;
        IsNew = false;
        await ReadAsync(text, cancellationToken);
        return text;
    }

    private string What => kind == SourceKind.Layer ? "custom layer" : "data type";
}
