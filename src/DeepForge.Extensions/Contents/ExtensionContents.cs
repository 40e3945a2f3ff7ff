using System.Reflection;
using DeepForge.Operations;
using DeepForge.Torch.Layers;

namespace DeepForge.Extensions;

/// <summary>What an installed extension carries: its operations, custom layers and data types (read from its assemblies by reflection) and its seeds.</summary>
internal sealed record ExtensionContents(IReadOnlyList<string> Operations, IReadOnlyList<string> Layers, IReadOnlyList<string> DataTypes, IReadOnlyList<string> Seeds)
{
    /// <summary>Reads the extension's assemblies in a context of their own that is let go after (sharing the host's DeepForge and TorchSharp, as the engine loads them).</summary>
    public static ExtensionContents Read(string dataDirectory, InstalledExtension extension)
    {
        var (operations, layers, types) = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
        var directory = ExtensionManifest.Resolve(dataDirectory, extension.PluginDirectory);
        if (Directory.Exists(directory))
        {
            var context = new InspectionLoadContext(directory);
            try
            {
                foreach (var path in Directory.EnumerateFiles(directory, "*.dll").Where(PluginAssemblies.ReferencesCore))
                {
                    var assembly = context.LoadFile(path);
                    foreach (var type in PluginAssemblies.OperationTypes(assembly))
                        operations.Add(type.GetCustomAttribute<OperationAttribute>()?.Name ?? type.Name);
                    foreach (var layer in LayerCatalog.For([assembly]).Types.Where(t => t.CustomType?.Assembly == assembly))
                        layers.Add(layer.Name);
                    foreach (var type in StoredTypes(assembly)) types.Add(type);
                }
            }
            finally
            {
                context.Unload();
            }
        }
        return new ExtensionContents([.. operations], [.. layers], [.. types], SeedNames(dataDirectory, extension).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The names of the seeds the extension adds (one folder each).</summary>
    public static IEnumerable<string> SeedNames(string dataDirectory, InstalledExtension extension) =>
        extension.SeedDirectories.Select(d => ExtensionManifest.Resolve(dataDirectory, d)).Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories).Select(Path.GetFileName)!;

    // The data types the assembly has an IDataSerializer<T> for, as the engine registers them.
    private static IEnumerable<string> StoredTypes(Assembly assembly) =>
        LoadableTypes(assembly).Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDataSerializer<>))
            .Select(i => i.GetGenericArguments()[0].Name);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
