using DeepForge.Extensions;
using DeepForge.Plugins;
using DeepForge.Runtime;

namespace DeepForge.Worker.Jobs;

/// <summary>Loads the extensions a job carries from the worker's cache, where the worker unpacked them before the job started.</summary>
internal static class JobExtensions
{
    public static void Load(JobSpec spec, string cacheDirectory, PluginRegistry plugins)
    {
        foreach (var extension in spec.Extensions)
        {
            var folder = ExtensionBundles.CacheFolder(cacheDirectory, extension);
            if (!ExtensionBundles.IsUnpacked(folder, extension.Blob))
                throw new DeepForgeException(extension.Id, $"extension {extension.Id} {extension.Version} is not in the worker's cache ({folder})");
            // Installed on this machine too (the worker's own data folder): that copy is loaded already, do not load a second one.
            var loaded = plugins.Assemblies.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var assemblies = Directory.EnumerateFiles(folder, "*.dll").Where(PluginAssemblies.ReferencesCore).Select(Path.GetFileNameWithoutExtension).ToList();
            if (assemblies.Count > 0 && assemblies.All(a => loaded.Contains(a!))) continue;
            plugins.LoadDirectory(folder);
        }
    }
}
