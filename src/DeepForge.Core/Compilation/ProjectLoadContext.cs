using System.Reflection;
using System.Runtime.Loader;

namespace DeepForge.Compilation;

/// <summary>
/// Loads one compiled project. Every dependency resolves to an assembly the process already has,
/// so project code shares Core, Torch, TorchSharp and plugin types with the host.
/// </summary>
internal sealed class ProjectLoadContext(string sourceHash) : AssemblyLoadContext($"project-{sourceHash[..12]}")
{
    protected override Assembly? Load(AssemblyName assemblyName) =>
        AppDomain.CurrentDomain.GetAssemblies()
            .FirstOrDefault(a => !a.IsDynamic && AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName()));
}
