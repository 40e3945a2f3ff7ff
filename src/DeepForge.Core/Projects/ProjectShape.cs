using System.Text.RegularExpressions;
using DeepForge.Models;

namespace DeepForge.Projects;

/// <summary>
/// What no stored project may hold, whatever writes it (REST API, designer, <c>deepforge push</c>): source paths that
/// leave the project's folder once it is written out as files, pipeline and architecture names that are not file
/// names, and node or layer ids that cannot be addressed as <c>node.port</c> or <c>node.attribute</c>. Work in
/// progress (code that does not compile, a pipeline that does not validate) is stored; these are not.
/// </summary>
public static partial class ProjectShape
{
    /// <summary>Every such problem of the project, each naming the place and what to use instead.</summary>
    public static IReadOnlyList<Problem> Problems(ProjectDefinition project)
    {
        var problems = new List<Problem>();
        problems.AddRange(SourceProblems(project.Sources));
        problems.AddRange(NameProblems("pipeline", project.Pipelines.Select(p => p.Name)));
        problems.AddRange(NameProblems("architecture", project.Architectures.Select(a => a.Name)));
        foreach (var pipeline in project.Pipelines)
            problems.AddRange(IdProblems($"pipeline '{pipeline.Name}'", "node", pipeline.Nodes.Select(n => n.Id)));
        foreach (var architecture in project.Architectures)
            problems.AddRange(IdProblems($"architecture '{architecture.Name}'", "layer", architecture.Layers.Select(l => l.Id)));
        return problems;
    }

    /// <summary>Throws a <see cref="DeepForgeException"/> with every problem of <see cref="Problems"/>, if any.</summary>
    public static void Check(ProjectDefinition project)
    {
        var problems = Problems(project);
        if (problems.Count > 0) throw new DeepForgeException(problems);
    }

    /// <summary>Null when <paramref name="path"/> is a safe relative source path ('operations/Train.cs'), else what is wrong with it.</summary>
    public static string? PathProblem(string path)
    {
        if (path.Length == 0) return "the path is empty";
        if (path.Contains('\\') || path.Contains(':') || path.Any(char.IsControl))
            return "use '/' between folders, and no ':' or '\\'";
        if (path.StartsWith('/')) return $"the path is absolute: use a path inside the project, e.g. operations/{Path.GetFileName(path)}";
        if (path.Split('/').Any(segment => segment is "" or "." or ".."))
            return $"the path leaves the project folder or has an empty, '.' or '..' part: use a path inside the project, e.g. operations/{Path.GetFileName(path)}";
        if (!path.EndsWith(".cs", StringComparison.Ordinal)) return "not a C# file: sources end in .cs";
        return null;
    }

    private static IEnumerable<Problem> SourceProblems(IEnumerable<SourceFile> sources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (PathProblem(source.Path) is { } problem) yield return new Problem($"source '{source.Path}'", $"source '{source.Path}': {problem}");
            else if (!seen.Add(source.Path)) yield return new Problem($"source '{source.Path}'", $"source '{source.Path}': appears twice; keep one");
        }
    }

    private static IEnumerable<Problem> NameProblems(string kind, IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!NamePattern().IsMatch(name))
                yield return new Problem($"{kind} '{name}'", $"{kind} '{name}': not a valid {kind} name: use letters, digits, '-', '_' and '.', starting with a letter or digit (it is a file name in the project's folder)");
            else if (!seen.Add(name)) yield return new Problem($"{kind} '{name}'", $"{kind} '{name}': there are two {kind}s of this name; rename one");
        }
    }

    private static IEnumerable<Problem> IdProblems(string owner, string kind, IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!IdPattern().IsMatch(id))
                yield return new Problem($"{owner}, {kind} '{id}'", $"{owner}, {kind} '{id}': not a valid {kind} id: use letters, digits, '-' and '_' (no '.', which separates {kind} and port in 'node.port')");
            else if (!seen.Add(id)) yield return new Problem($"{owner}, {kind} '{id}'", $"{owner}, {kind} '{id}': two {kind}s have this id; ids are unique");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_-]{0,99}$")]
    private static partial Regex IdPattern();
}
