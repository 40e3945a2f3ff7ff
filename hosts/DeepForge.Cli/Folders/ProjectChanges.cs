using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Cli.Folders;

/// <summary>What storing a folder would change in the stored project: one line per file, pipeline or architecture.</summary>
internal static class ProjectChanges
{
    public static IReadOnlyList<string> Between(ProjectDefinition? stored, ProjectDefinition folder)
    {
        var changes = new List<string>();
        changes.AddRange(Compare("source", Index(stored?.Sources, s => s.Path, s => s.Text), Index(folder.Sources, s => s.Path, s => s.Text)));
        changes.AddRange(Compare("pipeline", Index(stored?.Pipelines, p => p.Name, Json.Serialize), Index(folder.Pipelines, p => p.Name, Json.Serialize)));
        changes.AddRange(Compare("architecture", Index(stored?.Architectures, a => a.Name, Json.Serialize), Index(folder.Architectures, a => a.Name, Json.Serialize)));
        if (stored != null && stored.Description != folder.Description) changes.Add("changed description");
        return changes;
    }

    private static Dictionary<string, string> Index<T>(IEnumerable<T>? items, Func<T, string> key, Func<T, string> content) =>
        (items ?? []).GroupBy(key).ToDictionary(g => g.Key, g => content(g.First()), StringComparer.Ordinal);

    private static IEnumerable<string> Compare(string kind, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var name in after.Keys.Order(StringComparer.Ordinal))
        {
            if (!before.TryGetValue(name, out var old)) yield return $"added {kind} {name}";
            else if (old != after[name]) yield return $"changed {kind} {name}";
        }
        foreach (var name in before.Keys.Where(n => !after.ContainsKey(n)).Order(StringComparer.Ordinal)) yield return $"removed {kind} {name}";
    }
}
