using DeepForge.Hosting;
using DeepForge.Torch.Architectures;
using DeepForge.Torch.Native;

namespace DeepForge.Torch.Hosting;

/// <summary>Adds TorchSharp support to a DeepForge host.</summary>
public static class TorchDeepForgeBuilderExtensions
{
    private const string PluginName = "DeepForge.Torch";

    /// <summary>
    /// Loads libtorch and registers this assembly as a plugin, so its data types (tensors, image
    /// datasets, models) and their serializers are known. Calling it again changes nothing.
    /// </summary>
    public static DeepForgeBuilder AddTorch(this DeepForgeBuilder builder)
    {
        TorchNative.EnsureLoaded();
        var assembly = typeof(ArchitectureExtensions).Assembly;
        var added = builder.Services.Any(d => d.ImplementationInstance is PluginRegistration { } r && r.Assembly == assembly);
        return added ? builder : builder.AddPlugin(assembly, PluginName);
    }
}
