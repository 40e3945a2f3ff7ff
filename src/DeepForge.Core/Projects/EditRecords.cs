using DeepForge.Models;

namespace DeepForge.Projects;

/// <summary>
/// Keeps who changed what in a project, on every write (<see cref="ProjectService.TrySaveAsync(ProjectDefinition, string, CancellationToken)"/>):
/// the records are carried over from the stored version, so what a writer sends in them is ignored, and the objects
/// the write changes get the writer's stamp and a history line each.
/// </summary>
internal static class EditRecords
{
    public const int HistoryLimit = 200;

    // One person saving one pipeline again and again (every node moved is a write) makes one line, not hundreds.
    private static readonly TimeSpan SameEdit = TimeSpan.FromMinutes(5);

    public static void Keep(ProjectDefinition? stored, ProjectDefinition written, string editor, DateTimeOffset now)
    {
        written.LastEdit = stored?.LastEdit;
        written.ObjectEdits = stored?.ObjectEdits.ToList() ?? [];
        written.History = stored?.History.ToList() ?? [];
        if (stored == null)
        {
            foreach (var added in ObjectChanges.All(written)) Stamp(written, added, editor, now);
            Add(written, new ProjectEditEntry(editor, now, "project", written.Seed is { } seed ? $"created the project from seed {seed}" : "created the project"));
        }
        else
        {
            var changes = ObjectChanges.Between(stored, written);
            if (changes.Count == 0) return;
            foreach (var change in changes)
            {
                Stamp(written, change, editor, now);
                Add(written, new ProjectEditEntry(editor, now, change.Object, change.Summary));
            }
        }
        written.LastEdit = new EditStamp(editor, now);
        if (written.History.Count > HistoryLimit) written.History.RemoveRange(0, written.History.Count - HistoryLimit);
    }

    private static void Stamp(ProjectDefinition project, ObjectChange change, string editor, DateTimeOffset now)
    {
        if (change.Kind == "project") return;
        project.ObjectEdits.RemoveAll(e => e.Kind == change.Kind && e.Name == change.Name);
        if (change.Verb != "removed") project.ObjectEdits.Add(new ObjectEdit(change.Kind, change.Name, editor, now));
    }

    private static void Add(ProjectDefinition project, ProjectEditEntry entry)
    {
        if (project.History.Count > 0 && project.History[^1] is var last && last.By == entry.By && last.Summary == entry.Summary && entry.At - last.At < SameEdit)
            project.History[^1] = entry;
        else
            project.History.Add(entry);
    }
}
