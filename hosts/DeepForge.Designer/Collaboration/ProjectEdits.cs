using System.Collections.Concurrent;
using DeepForge.Models;

namespace DeepForge.Designer.Collaboration;

/// <summary>
/// The one way the designer changes a project. Each edit is a small change (move a node, set an attribute,
/// connect two ports) applied to the latest stored version, one edit at a time per project, so two people
/// editing the same pipeline both keep their work. After an edit is stored, every open page hears of it.
/// </summary>
internal sealed class ProjectEdits(DeepForgeEngine engine)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>Raised after an edit is stored; handlers run on the editing page's thread and must not block.</summary>
    public event Action<ProjectChange>? Changed;

    /// <summary>
    /// Applies <paramref name="edit"/> to the latest version and stores it when the edit says it changed something.
    /// An edit that throws <see cref="DeepForgeException"/> stores nothing.
    /// </summary>
    public async Task<ProjectDefinition> ApplyAsync(string project, string editor, Func<ProjectDefinition, bool> edit, CancellationToken cancellationToken = default)
    {
        var gate = _gates.GetOrAdd(project, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var latest = await engine.Projects.GetAsync(project, cancellationToken);
            if (!edit(latest)) return latest;
            await engine.Projects.SaveAsync(latest, cancellationToken);
            Changed?.Invoke(new ProjectChange(project, editor));
            return latest;
        }
        finally { gate.Release(); }
    }

    /// <summary>Tells open pages that a project changed outside <see cref="ApplyAsync"/> (created, or edited by another path).</summary>
    public void Announce(string project, string editor) => Changed?.Invoke(new ProjectChange(project, editor));
}
