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
    public SeedInfo Find(string name) =>
        (name.Contains('/') && Directory.Exists(name) ? new SeedInfo(Path.GetFileName(Path.TrimEndingDirectorySeparator(name)), ReadDescription(name), name) : null)
        ?? List().FirstOrDefault(s => s.Name == name)
        ?? throw new DeepForgeException($"seed '{name}'", $"there is no seed '{name}' (seeds: {string.Join(", ", List().Select(s => s.Name))})");

    private static string? ReadDescription(string directory)
    {
        try { return ProjectFolder.ReadManifest(directory).Description; }
        catch (DeepForgeException) { return null; }
    }
}
