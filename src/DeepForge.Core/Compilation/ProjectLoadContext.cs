using System.Reflection;
using System.Runtime.Loader;

namespace DeepForge.Compilation;

/// <summary>
/// Loads one compiled project. Every dependency resolves to an assembly the process already has,
/// so project code shares Core, Torch, TorchSharp and plugin types with the host. Collectible: a server compiles
/// version after version of a project, and each must go once nothing uses it (<see cref="Catalog.LoadedCatalogs"/>).
/// </summary>
internal sealed class ProjectLoadContext(string sourceHash) : AssemblyLoadContext($"project-{sourceHash[..12]}", isCollectible: true)
{
    protected override Assembly? Load(AssemblyName assemblyName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName()));
}
