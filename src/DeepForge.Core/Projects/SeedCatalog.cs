using DeepForge.Hosting;
using Microsoft.Extensions.Options;

namespace DeepForge.Projects;

/// <summary>The seeds found in the configured seed folders: each sub-folder is one seed.</summary>
internal sealed class SeedCatalog(IOptions<DeepForgeOptions> options)
{
    public IReadOnlyList<SeedInfo> List() =>
        options.Value.SeedDirectories.Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateDirectories(d))
            .Select(d => new SeedInfo(Path.GetFileName(d), ReadDescription(d), d))
            .DistinctBy(s => s.Name)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>A seed by name, or any folder laid out as a seed when given a path.</summary>
    public SeedInfo Find(string name)
    {
        if (name.Contains('/')) return FromFolder(name);
        return List().FirstOrDefault(s => s.Name == name)
            ?? throw new DeepForgeException($"seed '{name}'", $"there is no seed '{name}' (seeds: {string.Join(", ", List().Select(s => s.Name))})");
    }

    // A folder is a seed only when it is laid out as one: any other folder would make an empty project that says nothing.
    private static SeedInfo FromFolder(string path)
    {
        if (!Directory.Exists(path))
            throw new DeepForgeException($"seed '{path}'", $"there is no seed folder {path}");
        if (!File.Exists(Path.Combine(path, "seed.json")) && !Directory.Exists(Path.Combine(path, "pipelines")))
            throw new DeepForgeException($"seed '{path}'", $"{path} is not a seed: a seed folder holds seed.json, pipelines/ and operations/");
        return new SeedInfo(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), ReadDescription(path), path);
    }

    private static string? ReadDescription(string directory)
    {
        try { return ProjectFolder.ReadManifest(directory).Description; }
        catch (DeepForgeException) { return null; }
    }
}
