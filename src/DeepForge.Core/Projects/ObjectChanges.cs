using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Projects;

/// <summary>What a write changes in a stored project, object by object (compared as stored, so any change counts).</summary>
internal static class ObjectChanges
{
    public static IReadOnlyList<ObjectChange> Between(ProjectDefinition stored, ProjectDefinition written)
    {
        var changes = new List<ObjectChange>();
        changes.AddRange(Compare("pipeline", Index(stored.Pipelines, p => p.Name, Json.Serialize), Index(written.Pipelines, p => p.Name, Json.Serialize)));
        changes.AddRange(Compare("architecture", Index(stored.Architectures, a => a.Name, Json.Serialize), Index(written.Architectures, a => a.Name, Json.Serialize)));
        changes.AddRange(Compare("source", Index(stored.Sources, s => s.Path, s => s.Text), Index(written.Sources, s => s.Path, s => s.Text)));
        if (stored.Description != written.Description) changes.Add(new ObjectChange("project", "description", "changed"));
        return changes;
    }

    /// <summary>Every object of a project, as a new project adds them.</summary>
    public static IEnumerable<ObjectChange> All(ProjectDefinition project) =>
        project.Pipelines.Select(p => new ObjectChange("pipeline", p.Name, "added"))
            .Concat(project.Architectures.Select(a => new ObjectChange("architecture", a.Name, "added")))
            .Concat(project.Sources.Select(s => new ObjectChange("source", s.Path, "added")));

    private static Dictionary<string, string> Index<T>(IEnumerable<T> items, Func<T, string> key, Func<T, string> content) =>
        items.GroupBy(key).ToDictionary(g => g.Key, g => content(g.First()), StringComparer.Ordinal);

    private static IEnumerable<ObjectChange> Compare(string kind, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var name in after.Keys.Order(StringComparer.Ordinal))
        {
            if (!before.TryGetValue(name, out var old)) yield return new ObjectChange(kind, name, "added");
            else if (old != after[name]) yield return new ObjectChange(kind, name, "changed");
        }
        foreach (var name in before.Keys.Where(n => !after.ContainsKey(n)).Order(StringComparer.Ordinal)) yield return new ObjectChange(kind, name, "removed");
    }
}
