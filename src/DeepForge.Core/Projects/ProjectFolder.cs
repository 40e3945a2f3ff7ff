using System.Text.Json;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Projects;

/// <summary>
/// Projects and seeds as files a person can read and diff: <c>seed.json</c>, <c>pipelines/*.json</c>,
/// <c>architectures/*.json</c> and C# sources anywhere below the folder.
/// </summary>
public static class ProjectFolder
{
    /// <summary>Reads the project or seed in <paramref name="directory"/> as a project named <paramref name="name"/>; a file that is not valid JSON is refused with its path and position.</summary>
    public static ProjectDefinition Load(string directory, string name)
    {
        var info = ReadManifest(directory);
        return new ProjectDefinition
        {
            Name = name,
            Description = info.Description,
            Pipelines = ReadAll<PipelineDefinition>(Path.Combine(directory, "pipelines")),
            Architectures = ReadAll<ArchitectureDefinition>(Path.Combine(directory, "architectures")),
            // bin/ and obj/ are skipped inside the seed only: the seed itself may well live under a bin folder (a test's or a tool's output).
            Sources = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
                .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal)
                    && !relative.Contains("/bin/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(relative => new SourceFile(relative, File.ReadAllText(Path.Combine(directory, relative)))).ToList(),
        };
    }

    // A pulled project's folder has project.json where a seed has seed.json; either makes a project with 'new --from'.
    internal static SeedManifest ReadManifest(string directory) =>
        new[] { "seed.json", "project.json" }.Select(f => Path.Combine(directory, f)).FirstOrDefault(File.Exists) is { } manifest
            ? Read<SeedManifest>(manifest) : new SeedManifest();

    /// <summary>Writes <paramref name="project"/> as files under <paramref name="directory"/> that <see cref="Load"/> reads back; a source whose path leaves the folder is refused.</summary>
    public static void Save(ProjectDefinition project, string directory)
    {
        Write(Path.Combine(directory, "seed.json"), new SeedManifest { Description = project.Description });
        foreach (var pipeline in project.Pipelines) Write(Path.Combine(directory, "pipelines", pipeline.Name + ".json"), pipeline);
        foreach (var architecture in project.Architectures) Write(Path.Combine(directory, "architectures", architecture.Name + ".json"), architecture);
        foreach (var source in project.Sources)
        {
            var path = Path.GetFullPath(Path.Combine(directory, source.Path));
            // With the separator, so '../project2/x.cs' (a sibling whose name starts the same) is refused too.
            if (!path.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new DeepForgeException($"source '{source.Path}'", $"source path '{source.Path}' leaves the project folder");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, source.Text);
        }
    }

    private static List<T> ReadAll<T>(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(Read<T>).ToList()
            : [];

    private static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json.Options) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"{path}({line + 1},{e.BytePositionInLine + 1})" : path;
            throw new DeepForgeException(where, $"{where}: not a valid {typeof(T).Name.Replace("Definition", "")}: {e.Message}");
        }
    }

    private static void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(value, Json.Indented) + "\n");
    }
}
