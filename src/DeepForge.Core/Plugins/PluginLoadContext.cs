using System.Reflection;
using System.Runtime.Loader;

namespace DeepForge.Plugins;

/// <summary>
/// Loads one plugin from its folder. An assembly the host has (loaded already, or one the host's own context can load:
/// Core, TorchSharp, DeepForge.Torch, Microsoft.Extensions) comes from the host, so there is one copy of each type in
/// the process and the plugin's operations are Core's operations; the plugin's private dependencies and native libraries
/// come from its folder, found by its <c>.deps.json</c> when it has one, else beside it.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _directory;

    public PluginLoadContext(string mainAssemblyPath) : base($"plugin-{Path.GetFileNameWithoutExtension(mainAssemblyPath)}")
    {
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);
        _directory = Path.GetDirectoryName(mainAssemblyPath)!;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (FromHost(assemblyName) is { } shared) return shared;
        var path = _resolver.ResolveAssemblyToPath(assemblyName) ?? Beside(assemblyName);
        return path == null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    // Loaded anywhere outside a plugin's or project's own context first (what the host uses now), then whatever the host's
    // context can find (its dependencies not loaded yet); null leaves the assembly to the plugin's folder.
    private static Assembly? FromHost(AssemblyName name)
    {
        var loaded = Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName()));
        if (loaded != null) return loaded;
        try
        {
            return Default.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (FileLoadException)
        {
            return null;
        }
    }

    private string? Beside(AssemblyName name)
    {
        var path = Path.Combine(_directory, $"{name.Name}.dll");
        return File.Exists(path) ? path : null;
    }
}
