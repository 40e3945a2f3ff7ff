using DeepForge.Designer.Collaboration;

namespace DeepForge.Designer.Undo;

/// <summary>
/// The undo histories of one circuit (one person in one browser tab), a history per document: leaving an editor and
/// coming back in the same tab keeps its history; another tab, or another person, has histories of its own.
/// </summary>
internal sealed class EditHistories(ProjectEdits edits)
{
    private readonly Dictionary<(string Project, string Kind, string Name), EditHistory> _histories = [];

    /// <summary>The history of document <paramref name="name"/> of kind <paramref name="kind"/> ("pipeline" or "architecture") in <paramref name="project"/>.</summary>
    public EditHistory For(string project, string kind, string name)
    {
        if (!_histories.TryGetValue((project, kind, name), out var history))
            _histories[(project, kind, name)] = history = new EditHistory(edits, project);
        return history;
    }
}
