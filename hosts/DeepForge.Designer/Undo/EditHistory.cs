using DeepForge.Designer.Collaboration;
using DeepForge.Models;

namespace DeepForge.Designer.Undo;

/// <summary>
/// One person's undo and redo for one document in one browser tab (circuit). Edits go through it to
/// <see cref="ProjectEdits"/> as before; each stored edit is recorded as the parts it changed (<see cref="EditStep"/>),
/// whatever the edit was, so new kinds of edit are undoable without more code. Undo and redo are edits themselves,
/// stored by compare-and-set like any other, and refused when someone changed the same parts since.
/// </summary>
internal sealed class EditHistory(ProjectEdits edits, string project)
{
    // Enough for a working session; the oldest steps go first.
    private const int Depth = 200;
    private readonly LinkedList<EditStep> _undo = new();
    private readonly LinkedList<EditStep> _redo = new();

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>What undo would take back ("move node 'train'"), if anything.</summary>
    public string? NextUndo => _undo.Last?.Value.Summary;

    /// <summary>What redo would do again, if anything.</summary>
    public string? NextRedo => _redo.Last?.Value.Summary;

    /// <summary>
    /// Applies <paramref name="edit"/> through <see cref="ProjectEdits.ApplyAsync"/> and records what it changed in
    /// <paramref name="scope"/>'s document; a new edit ends what could be redone.
    /// </summary>
    public async Task<ProjectDefinition> ApplyAsync(string editor, EditScope scope, Func<ProjectDefinition, bool> edit, CancellationToken cancellationToken = default)
    {
        EditStep? step = null;
        var stored = await edits.ApplyAsync(project, editor, p =>
        {
            // Recorded on every attempt: the last one is the one stored (an attempt is repeated on a newer version).
            var before = scope.Parts(p);
            var changed = edit(p);
            step = changed ? EditStep.Between(scope, before, scope.Parts(p)) : null;
            return changed;
        }, cancellationToken);
        if (step != null)
        {
            Push(_undo, step);
            _redo.Clear();
        }
        return stored;
    }

    /// <summary>Takes back the last edit; null when there is none. A <see cref="DeepForgeException"/> says why it was refused.</summary>
    public Task<ProjectDefinition?> UndoAsync(string editor, CancellationToken cancellationToken = default) =>
        MoveAsync(_undo, _redo, "undo", editor, cancellationToken);

    /// <summary>Does again the last edit undone; null when there is none.</summary>
    public Task<ProjectDefinition?> RedoAsync(string editor, CancellationToken cancellationToken = default) =>
        MoveAsync(_redo, _undo, "redo", editor, cancellationToken);

    private async Task<ProjectDefinition?> MoveAsync(LinkedList<EditStep> from, LinkedList<EditStep> to, string verb, string editor, CancellationToken cancellationToken)
    {
        if (from.Last?.Value is not { } step) return null;
        from.RemoveLast();
        var refused = false;
        try
        {
            var stored = await edits.ApplyAsync(project, editor, p =>
            {
                try { return step.Revert(p, verb); }
                catch (DeepForgeException) { refused = true; throw; }
            }, cancellationToken);
            Push(to, step.Inverse());
            return stored;
        }
        catch (Exception e) when (!refused && e is DeepForgeException or OperationCanceledException)
        {
            // Not refused by the document (cancelled, or this person may no longer edit): the step stays for later.
            from.AddLast(step);
            throw;
        }
    }

    private static void Push(LinkedList<EditStep> steps, EditStep step)
    {
        steps.AddLast(step);
        if (steps.Count > Depth) steps.RemoveFirst();
    }
}
