using DeepForge.Designer.Access;
using DeepForge.Models;

namespace DeepForge.Designer.Collaboration;

/// <summary>
/// The one way the designer changes a project. Each edit is a small change (move a node, set an attribute,
/// connect two ports) applied to the latest stored version and stored by compare-and-set
/// (<see cref="DeepForge.Projects.ProjectService.UpdateAsync(string, Func{ProjectDefinition, bool}, string, CancellationToken)"/>): when another writer (another page, the REST API,
/// another server on the same store) stored a change in between, the edit is applied again to that newer version,
/// so two people editing the same pipeline both keep their work. After an edit is stored, every open page hears of it.
/// One per circuit, so that every edit is checked against the role of the person signed in to it: the pages only
/// hide the buttons, this refuses a viewer's (or an outsider's) edit before anything is read or stored.
/// </summary>
internal sealed class ProjectEdits(DeepForgeEngine engine, ProjectEditHub hub, DesignerAccess? access = null)
{
    /// <summary>Raised after an edit is stored (by any circuit); handlers run on the editing page's thread and must not block.</summary>
    public event Action<ProjectChange>? Changed
    {
        add
        {
            hub.Changed += value;
            // The first page to listen starts the hub's feed; the pages do not wait for it (the feed is quick to listen).
            _ = hub.ListenAsync(CancellationToken.None);
        }
        remove => hub.Changed -= value;
    }

    /// <summary>
    /// Applies <paramref name="edit"/> to the latest version and stores it when the edit says it changed something.
    /// The edit may run more than once (again on a newer version when another writer came first), so it must only
    /// change the project it is given. An edit that throws <see cref="DeepForgeException"/> stores nothing, and so
    /// does an edit by a person who may not edit the project (a <see cref="DeepForgeException"/> saying why).
    /// </summary>
    public async Task<ProjectDefinition> ApplyAsync(string project, string editor, Func<ProjectDefinition, bool> edit, CancellationToken cancellationToken = default)
    {
        if (access != null) await access.EnsureCanEditAsync(project, cancellationToken);
        var gate = hub.GateOf(project);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var changed = false;
            var editorName = access != null ? await access.EditorNameAsync() : DeepForge.Projects.ProjectEditors.Local;
            var stored = await engine.Projects.UpdateAsync(project, p => changed = edit(p), editorName, cancellationToken);
            if (changed) hub.Stored(new ProjectChange(project, editor), stored.Version);
            return stored;
        }
        finally { gate.Release(); }
    }

    /// <summary>Tells open pages that a project changed outside <see cref="ApplyAsync"/> (created, or edited by another path).</summary>
    public void Announce(string project, string editor) => hub.Announce(new ProjectChange(project, editor));
}
