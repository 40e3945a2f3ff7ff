using DeepForge.Models;

namespace DeepForge.Designer.Undo;

/// <summary>
/// One edit as the parts of one document it changed, from what to what: enough to take it back (or do it again)
/// later, and to see whether anyone changed those parts since.
/// </summary>
internal sealed class EditStep
{
    private EditStep(EditScope scope, IReadOnlyList<PartChange> changes, string summary) =>
        (Scope, Changes, Summary) = (scope, changes, summary);

    public EditScope Scope { get; }

    public IReadOnlyList<PartChange> Changes { get; }

    /// <summary>What the edit did, for the buttons' tooltips: "move node 'train'".</summary>
    public string Summary { get; }

    /// <summary>The step from <paramref name="before"/> to <paramref name="after"/>; null when no part differs.</summary>
    public static EditStep? Between(EditScope scope, DocumentParts before, DocumentParts after)
    {
        var changes = before.Values.Keys.Union(after.Values.Keys)
            .Where(k => before[k] != after[k])
            .Select(k => new PartChange(k, before[k], after[k], before.IndexOf(k.Id), after.IndexOf(k.Id)))
            .ToList();
        return changes.Count == 0 ? null : new EditStep(scope, changes, StepSummary.Of(changes, scope.Shape));
    }

    /// <summary>The step that does this one again once it was taken back.</summary>
    public EditStep Inverse() => new(Scope, Changes.Select(c => c.Inverse()).ToList(), Summary);

    /// <summary>
    /// Takes the step back in <paramref name="project"/>: every part it changed goes back to what it was. Refused
    /// (a <see cref="DeepForgeException"/> naming the part) when one of those parts is no longer as the step left it,
    /// or when taking it back would drop or dangle what someone else made since: another person's edit is never undone.
    /// </summary>
    /// <param name="project">The latest version, changed in place.</param>
    /// <param name="verb">"undo" or "redo", for the message.</param>
    public bool Revert(ProjectDefinition project, string verb)
    {
        var now = Scope.Parts(project);
        if (StepConflicts.Find(this, now) is { } part)
            throw new DeepForgeException(Summary,
                $"Not {verb}ne: {part} changed since you made this edit ({Summary}), so {verb}ing it would lose that change. The step is dropped from your history; earlier ones remain.");
        var document = Scope.Read(project);
        DocumentWriter.Apply(document, Scope.Shape, Changes.Select(c => (c.Key, c.Before, c.IndexBefore)).ToList());
        Scope.Write(project, document);
        return true;
    }
}
