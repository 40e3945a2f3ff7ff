using System.Reflection;
using System.Runtime.Loader;

namespace DeepForge.Compilation;

/// <summary>
/// Loads one compiled project. Every dependency resolves to an assembly the process already has,
/// so project code shares Core, Torch, TorchSharp and plugin types with the host. Collectible: a server compiles
/// version after version of a project, and each must go once nothing uses it.
/// Public for tools that compile as code is typed (DeepForge.Compilation's <c>ProjectCompiler</c>).
/// </summary>
public sealed class ProjectLoadContext(string sourceHash) : AssemblyLoadContext($"project-{sourceHash[..12]}", isCollectible: true)
{
    /// <summary>
    /// Unloads the context of a project assembly, and forgets the JSON metadata DeepForge cached for its types, so the
    /// context is freed once nothing else holds its types.
    /// </summary>
    public static void Unload(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        GetLoadContext(assembly)?.Unload();
        Data.JsonCaches.Clear();
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName()));
}
