using Microsoft.CodeAnalysis;

namespace DeepForge.Compilation.Roslyn;

/// <summary>What project code compiles against: the framework and every assembly loaded in the process (Core, Torch, plugins).</summary>
internal static class MetadataReferences
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, MetadataReference> Cache = new(StringComparer.Ordinal);

    public static IReadOnlyList<MetadataReference> Current()
    {
        var paths = TrustedPlatformAssemblies().Concat(LoadedAssemblies()).Distinct(StringComparer.Ordinal);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths) byName.TryAdd(Path.GetFileName(path), path);
        lock (Gate)
            return byName.Values.Select(p => Cache.TryGetValue(p, out var r) ? r : Cache[p] = MetadataReference.CreateFromFile(p)).ToList();
    }

    private static IEnumerable<string> TrustedPlatformAssemblies() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    // An extension removed while this process runs keeps its assemblies loaded, but its files are gone.
    private static IEnumerable<string> LoadedAssemblies() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location) && File.Exists(a.Location))
            .Select(a => a.Location);
}
