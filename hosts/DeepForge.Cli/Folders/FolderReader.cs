using System.Text.Json;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Projects;

namespace DeepForge.Cli.Folders;

/// <summary>Reads a folder in the seed layout as a project: <c>project.json</c> (or a seed's <c>seed.json</c>) and what <see cref="ProjectFolder"/> loads.</summary>
internal static class FolderReader
{
    public static ProjectDefinition Read(string directory, string name)
    {
        if (!Directory.Exists(directory)) throw new DeepForgeException(directory, $"there is no folder '{directory}'");
        var project = ProjectFolder.Load(directory, name);
        var manifest = Path.Combine(directory, FolderManifest.FileName);
        if (File.Exists(manifest))
        {
            try
            {
                var read = JsonSerializer.Deserialize<FolderManifest>(File.ReadAllText(manifest), Json.Options);
                (project.Description, project.Seed) = (read?.Description, read?.Seed);
            }
            catch (JsonException e)
            {
                throw new DeepForgeException(manifest, $"{manifest}: not a valid project.json: {e.Message}");
            }
        }
        return project;
    }

    /// <summary>
    /// Sources that are links (or lie below linked folders) to files outside the folder: pushing them would store
    /// whatever they point at, so they are refused like a stored source path '../../evil.cs'.
    /// </summary>
    public static IReadOnlyList<Problem> LinkProblems(string directory, ProjectDefinition project)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar;
        var problems = new List<Problem>();
        foreach (var source in project.Sources)
        {
            var segments = source.Path.Split('/');
            for (var i = 1; i <= segments.Length; i++)
            {
                var path = Path.Combine(root, string.Join('/', segments[..i]));
                FileSystemInfo entry = i == segments.Length ? new FileInfo(path) : new DirectoryInfo(path);
                if (entry.LinkTarget is null) continue;
                var target = entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? entry.LinkTarget;
                if (!Path.GetFullPath(target, Path.GetDirectoryName(path)!).StartsWith(root, StringComparison.Ordinal))
                    problems.Add(new Problem($"source '{source.Path}'", $"source '{source.Path}': a link to '{target}', outside the folder: copy the file into the folder instead"));
                break;
            }
        }
        return problems;
    }
}
