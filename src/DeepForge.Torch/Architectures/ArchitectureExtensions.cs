using System.Reflection;
using DeepForge.Models;
using DeepForge.Operations;
using DeepForge.Torch.Layers;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Architectures;

/// <summary>Turns architectures drawn in DeepForge into TorchSharp modules.</summary>
public static class ArchitectureExtensions
{
    /// <summary>
    /// Builds the architecture as one module whose submodules are its layers, named by layer id.
    /// Custom layers are looked up in <see cref="Architecture.Assemblies"/>; nested architectures
    /// named by attributes in <see cref="Architecture.Library"/>.
    /// </summary>
    /// <exception cref="DeepForgeException">A layer, attribute or connection is wrong; the error names it.</exception>
    public static nn.Module<Tensor, Tensor> Build(this Architecture architecture) =>
        BuildModule(architecture.Definition, architecture.Library, architecture.Assemblies);

    internal static ArchitectureModule BuildModule(ArchitectureDefinition definition,
        IReadOnlyDictionary<string, ArchitectureDefinition> library, IEnumerable<Assembly> assemblies)
    {
        TorchNative.EnsureLoaded();
        return new ArchitectureBuilder(LayerCatalog.For(assemblies), library).Build(definition);
    }
}
