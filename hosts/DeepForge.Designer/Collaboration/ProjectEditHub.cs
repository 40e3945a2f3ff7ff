using System.Collections.Concurrent;

namespace DeepForge.Designer.Collaboration;

/// <summary>
/// What every circuit's <see cref="ProjectEdits"/> shares: one gate per project (edits of this process go one at a
/// time, they would only make each other retry) and the event that tells every open page of a stored edit.
/// </summary>
internal sealed class ProjectEditHub
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>Raised after an edit is stored; handlers run on the editing page's thread and must not block.</summary>
    public event Action<ProjectChange>? Changed;

    public SemaphoreSlim GateOf(string project) => _gates.GetOrAdd(project, _ => new SemaphoreSlim(1, 1));

    public void Announce(ProjectChange change) => Changed?.Invoke(change);
}
