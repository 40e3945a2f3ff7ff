using System.Reflection;

namespace DeepForge.Plugins;

/// <summary>
/// The plugin assemblies of this process: built-in ones registered by the host, and packages loaded
/// from plugin folders, each in a load context of its own (<c>PluginLoadContext</c>). Plugins share every assembly
/// the host has (Core, TorchSharp, DeepForge.Torch), so there is one copy of each type in the process; their own
/// dependencies come from their folder.
/// </summary>
public sealed class PluginRegistry
{
    private readonly Lock _gate = new();
    private readonly List<PluginAssembly> _assemblies = [];

    /// <summary>A copy of the assemblies registered so far, in the order they came, for the catalog to read operations from.</summary>
    public IReadOnlyList<PluginAssembly> Assemblies
    {
        get { lock (_gate) return _assemblies.ToList(); }
    }

    /// <summary>Registers an assembly already loaded (Core's own operations, or one added with <c>AddPlugin</c>) under <paramref name="name"/>; an assembly registered before is not added twice.</summary>
    public void Add(string name, Assembly assembly)
    {
        lock (_gate)
            if (_assemblies.All(a => a.Assembly != assembly)) _assemblies.Add(new PluginAssembly(name, assembly));
    }

    /// <summary>Loads every <c>*.dll</c> directly in <paramref name="directory"/> that references DeepForge.Core.</summary>
    public void LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var path in Directory.EnumerateFiles(directory, "*.dll").Where(ReferencesCore))
        {
            // Not collectible: a plugin's types stay in the catalog for the life of the process.
            var context = new PluginLoadContext(Path.GetFullPath(path));
            Add(Path.GetFileNameWithoutExtension(path), context.LoadFromAssemblyPath(Path.GetFullPath(path)));
        }
    }

    private static bool ReferencesCore(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            if (!reader.HasMetadata) return false;
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
            return metadata.AssemblyReferences.Any(h => metadata.GetString(metadata.GetAssemblyReference(h).Name) == "DeepForge.Core");
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
