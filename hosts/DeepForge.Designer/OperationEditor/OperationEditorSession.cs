using DeepForge.Catalog;
using DeepForge.Designer.Collaboration;
using DeepForge.Models;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// The state behind the operation editor page: which operation, its source file and class, the code as typed
/// and as last saved, and the interface and problems read from the code with Roslyn. Plugin operations have no
/// source and are only described. Every change to the project goes through <see cref="ProjectEdits"/>.
/// </summary>
internal sealed class OperationEditorSession(DeepForgeEngine engine, ProjectEdits edits, string project, string editorId)
{
    private int _version;

    public string Project => project;

    /// <summary>The operation's name; follows the code when the class is renamed.</summary>
    public string Operation { get; private set; } = "";

    /// <summary>The source file, or null for a plugin operation.</summary>
    public string? Path { get; private set; }

    /// <summary>The class's name in the code, which the rewriter looks for.</summary>
    public string ClassName { get; private set; } = "";

    public string Text { get; private set; } = "";

    public string SavedText { get; private set; } = "";

    public bool IsDirty => Text != SavedText;

    public bool IsReadOnly => Path == null;

    /// <summary>Where a plugin operation comes from (its origin), for the read-only note.</summary>
    public string? PluginOrigin { get; private set; }

    public InterfaceModel? Interface { get; private set; }

    /// <summary>The problems in this file, where Monaco marks them.</summary>
    public IReadOnlyList<CodeProblem> Problems { get; private set; } = [];

    /// <summary>Errors in other files of the project, which also keep it from compiling.</summary>
    public int OtherFileErrors { get; private set; }

    /// <summary>Whether the code as typed would not compile (errors here or in another file).</summary>
    public bool HasErrors => Problems.Any(p => p.IsError) || OtherFileErrors > 0;

    /// <summary>Set when the code no longer declares the operation (the class was deleted or broken beyond reading).</summary>
    public string? Missing { get; private set; }

    /// <summary>
    /// Opens the operation: from the project's code, else (with <paramref name="create"/>) a new one from the
    /// template, else a plugin's, read-only. Returns why it cannot be opened, or null.
    /// </summary>
    public async Task<string?> OpenAsync(string operation, bool create, string? category, CancellationToken cancellationToken = default)
    {
        Operation = operation;
        var read = await engine.Projects.ReadOperationsAsync(project, null, cancellationToken);
        var found = Find(read, operation);
        if (found == null && create)
        {
            await CreateAsync(operation, category, cancellationToken);
            read = await engine.Projects.ReadOperationsAsync(project, null, cancellationToken);
            found = Find(read, operation);
        }
        if (found != null)
        {
            var stored = (await engine.Projects.GetAsync(project, cancellationToken)).Sources.First(s => s.Path == found.Path);
            (Path, Text, SavedText) = (found.Path, stored.Text, stored.Text);
            Show(read, found);
            return null;
        }
        return await OpenPluginAsync(operation, cancellationToken);
    }

    /// <summary>Re-reads the interface from <paramref name="text"/> (the code as typed); a later call wins over an earlier one still running.</summary>
    public async Task UpdateAsync(string text, CancellationToken cancellationToken = default)
    {
        if (Path == null) return;
        var version = ++_version;
        Text = text;
        var read = await engine.Projects.ReadOperationsAsync(project, new SourceFile(Path, text), cancellationToken);
        if (version != _version) return;
        var inFile = read.Operations.Where(o => o.Path == Path).ToList();
        var found = inFile.FirstOrDefault(o => o.Descriptor.Name == Operation) ?? (inFile.Count == 1 ? inFile[0] : null);
        if (found == null)
        {
            Missing = $"The code no longer declares the operation '{Operation}': the interface shows the last one read.";
            Problems = ProblemLocator.Locate(Path, text, read.Problems, []);
            OtherFileErrors = CountOtherErrors(read);
            return;
        }
        Show(read, found);
    }

    /// <summary>Applies an edit of the interface to the code: <paramref name="rewrite"/> gets the code and the class name.</summary>
    public Task ApplyAsync(Func<string, string, string> rewrite, CancellationToken cancellationToken = default) =>
        UpdateAsync(rewrite(Text, ClassName), cancellationToken);

    /// <summary>Stores the code as typed; code with errors is stored too (the caller says it will not compile).</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        if (Path == null) return;
        var (path, text) = (Path, Text);
        await edits.ApplyAsync(project, editorId, p => Replace(p, path, text), cancellationToken);
        SavedText = text;
    }

    /// <summary>
    /// After another page saved the project: takes the stored code when nothing here is unsaved (true), or
    /// keeps the unsaved code and returns false when the stored code differs from what was loaded here.
    /// </summary>
    public async Task<bool> TakeStoredAsync(bool force, CancellationToken cancellationToken = default)
    {
        if (Path == null) return true;
        var stored = (await engine.Projects.GetAsync(project, cancellationToken)).Sources.FirstOrDefault(s => s.Path == Path)?.Text;
        if (stored == null || stored == SavedText)
        {
            // Another file may have changed what this code means (a type, a helper): read it again.
            await UpdateAsync(Text, cancellationToken);
            return true;
        }
        if (IsDirty && !force) return false;
        SavedText = stored;
        await UpdateAsync(stored, cancellationToken);
        return true;
    }

    private async Task CreateAsync(string operation, string? category, CancellationToken cancellationToken)
    {
        var name = CodeNames.CheckIdentifier(operation, "operation");
        var path = OperationTemplate.PathOf(name);
        var source = OperationTemplate.Source(name, string.IsNullOrWhiteSpace(category) ? "Custom" : category.Trim());
        await edits.ApplyAsync(project, editorId, p =>
        {
            if (p.Sources.Any(s => s.Path == path))
                throw new DeepForgeException(path, $"the project already has a file {path}, which declares no operation '{name}'; open that file's operation or choose another name");
            p.Sources.Add(new SourceFile(path, source));
            return true;
        }, cancellationToken);
    }

    private async Task<string?> OpenPluginAsync(string operation, CancellationToken cancellationToken)
    {
        IReadOnlyList<OperationDescriptor> all;
        try { all = await engine.Projects.OperationsAsync(project, cancellationToken); }
        catch (DeepForgeException)
        {
            return $"Project '{project}' has no operation '{operation}' in its code, and while its code has errors the plugins' operations cannot be listed.";
        }
        var plugin = all.FirstOrDefault(o => o.Name == operation && o.Origin != "project");
        if (plugin == null) return $"Project '{project}' has no operation '{operation}'.";
        (Path, PluginOrigin, Interface, ClassName) = (null, plugin.Origin, InterfaceModel.FromDescriptor(plugin), plugin.TypeName);
        return null;
    }

    private void Show(SourceReadResult read, SourceOperation found)
    {
        Operation = found.Descriptor.Name;
        ClassName = SimpleName(found.Descriptor.TypeName);
        Missing = null;
        Problems = ProblemLocator.Locate(found.Path, Text, read.Problems, found.Members);
        OtherFileErrors = CountOtherErrors(read);
        Interface = InterfaceModel.FromSource(found.Descriptor, found.Members, Text, Problems);
    }

    private int CountOtherErrors(SourceReadResult read) =>
        read.Problems.Count(p => p.Message.Contains(": error ", StringComparison.Ordinal) && !p.Message.StartsWith(Path + "(", StringComparison.Ordinal));

    private static SourceOperation? Find(SourceReadResult read, string operation) =>
        read.Operations.FirstOrDefault(o => o.Descriptor.Name == operation)
        ?? read.Operations.FirstOrDefault(o => string.Equals(o.Descriptor.Name, operation, StringComparison.OrdinalIgnoreCase));

    private static string SimpleName(string typeName) => typeName[(typeName.LastIndexOfAny(['.', '+']) + 1)..];

    private static bool Replace(ProjectDefinition project, string path, string text)
    {
        var index = project.Sources.FindIndex(s => s.Path == path);
        if (index >= 0 && project.Sources[index].Text == text) return false;
        if (index >= 0) project.Sources[index] = new SourceFile(path, text);
        else project.Sources.Add(new SourceFile(path, text));
        return true;
    }
}
