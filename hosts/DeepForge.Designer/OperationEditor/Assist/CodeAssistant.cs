using DeepForge.Models;
using Microsoft.CodeAnalysis;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>
/// Code completion, hover and signature help for a project's C# as it is typed, from Roslyn's semantic model: the
/// document being edited is seen together with the project's other files and the references the project compiler
/// uses (the framework, DeepForge, TorchSharp and plugins loaded in the process). One warm workspace per project;
/// a workspace idle for <see cref="IdleLimit"/> is dropped, and at most <see cref="MaxProjects"/> are kept, so memory
/// stays bounded. Nothing is stored: completing in a read-only editor is fine. Offsets count UTF-16 characters.
/// </summary>
public sealed class CodeAssistant
{
    /// <summary>How long a project's workspace is kept without a request.</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);

    /// <summary>How many projects' workspaces are kept at once (the least recently used goes first).</summary>
    public const int MaxProjects = 6;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, AssistWorkspace> _workspaces = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    /// <summary>An assistant on the system clock.</summary>
    public CodeAssistant() : this(TimeProvider.System) { }

    internal CodeAssistant(TimeProvider clock) => _clock = clock;

    /// <summary>How many projects have a workspace now.</summary>
    public int WorkspaceCount
    {
        get { lock (_gate) return _workspaces.Count; }
    }

    /// <summary>
    /// What may be typed at <paramref name="offset"/> of <paramref name="text"/>, the file <paramref name="path"/> of
    /// <paramref name="project"/> whose other files are <paramref name="stored"/>: members after a dot, else what is in
    /// scope and the keywords. Empty inside comments and strings, and for an offset outside the text.
    /// </summary>
    public IReadOnlyList<CompletionEntry> Complete(string project, IReadOnlyList<SourceFile> stored, string path, string text, int offset) =>
        ModelAt(project, stored, path, text, offset) is { } model ? CompletionFinder.Find(model, offset) : [];

    /// <summary>The signature and doc summary of the name at <paramref name="offset"/>, or null where there is none.</summary>
    public HoverEntry? Hover(string project, IReadOnlyList<SourceFile> stored, string path, string text, int offset) =>
        ModelAt(project, stored, path, text, offset) is { } model ? HoverFinder.Find(model, offset) : null;

    /// <summary>The overloads of the call whose parentheses hold <paramref name="offset"/>, or null outside a call.</summary>
    public SignatureHelp? Signatures(string project, IReadOnlyList<SourceFile> stored, string path, string text, int offset) =>
        ModelAt(project, stored, path, text, offset) is { } model ? SignatureFinder.Find(model, offset) : null;

    private SemanticModel? ModelAt(string project, IReadOnlyList<SourceFile> stored, string path, string text, int offset)
    {
        if (offset < 0 || offset > text.Length) return null;
        return WorkspaceOf(project).Open(stored, path, text);
    }

    private AssistWorkspace WorkspaceOf(string project)
    {
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var idle in _workspaces.Where(w => now - w.Value.LastUsed > IdleLimit).Select(w => w.Key).ToList())
                _workspaces.Remove(idle);
            if (!_workspaces.TryGetValue(project, out var workspace))
            {
                while (_workspaces.Count >= MaxProjects)
                    _workspaces.Remove(_workspaces.MinBy(w => w.Value.LastUsed).Key);
                _workspaces[project] = workspace = new AssistWorkspace();
            }
            workspace.LastUsed = now;
            return workspace;
        }
    }
}
