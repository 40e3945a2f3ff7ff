using System.Reflection;
using DeepForge.Operations;
using DeepForge.Plugins;
using DeepForge.Runtime;

namespace DeepForge.Worker.Jobs;

/// <summary>Whether a job may call into a native library, judged from the assembly its operation comes from.</summary>
internal static class NativeNeed
{
    /// <summary>
    /// True for project code (compiled against everything the host has, it may use the library anywhere), for an operation not
    /// found among the plugins (the safe side), and for a plugin operation whose assembly references <paramref name="managedAssembly"/>.
    /// </summary>
    public static bool Of(JobSpec spec, PluginRegistry plugins, string managedAssembly)
    {
        if (spec.AssemblyBlob != null) return true;
        var operation = plugins.Assemblies.Select(p => FindOperation(p.Assembly, spec.Operation)).FirstOrDefault(t => t != null);
        return operation == null || References(operation.Assembly, managedAssembly, new HashSet<string>(StringComparer.Ordinal));
    }

    private static Type? FindOperation(Assembly assembly, string name)
    {
        try
        {
            return assembly.GetExportedTypes().FirstOrDefault(t => typeof(Operation).IsAssignableFrom(t)
                && (t.GetCustomAttribute<OperationAttribute>()?.Name ?? t.Name) == name);
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            return null;
        }
    }

    // The framework's own assemblies never reach a native library of ours: they are not walked. An assembly that cannot be
    // loaded to look into counts as a reference (the safe side).
    private static bool References(Assembly assembly, string target, HashSet<string> seen)
    {
        foreach (var name in assembly.GetReferencedAssemblies())
        {
            if (name.Name == target) return true;
            if (name.Name is null || IsFramework(name.Name) || !seen.Add(name.Name)) continue;
            Assembly referenced;
            try { referenced = Assembly.Load(name); }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException) { return true; }
            if (References(referenced, target, seen)) return true;
        }
        return false;
    }

    private static bool IsFramework(string name) =>
        name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name is "mscorlib" or "netstandard" or "WindowsBase";
}
