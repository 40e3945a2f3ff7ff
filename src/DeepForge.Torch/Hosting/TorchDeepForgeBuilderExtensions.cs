using DeepForge.Export;
using DeepForge.Hosting;
using DeepForge.Operations;
using DeepForge.Torch.Architectures;
using DeepForge.Torch.Export;
using DeepForge.Torch.Hosting;
using DeepForge.Torch.Native;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Adds TorchSharp support to a DeepForge host.</summary>
public static class TorchDeepForgeBuilderExtensions
{
    private const string PluginName = "DeepForge.Torch";

    /// <summary>
    /// Loads libtorch (unless <see cref="TorchNative.LoadLazily"/>) and registers this assembly as a plugin, so its data types (tensors, image
    /// datasets, models) and their serializers are known, and models can be exported as ONNX and PyTorch; jobs
    /// of this process get <c>cuda:0</c> as their device when a CUDA device is usable. Calling it again changes nothing.
    /// </summary>
    public static DeepForgeBuilder AddTorch(this DeepForgeBuilder builder)
    {
        if (!TorchNative.LoadLazily) TorchNative.EnsureLoaded();
        // Jobs of this process compute on CUDA when its libtorch has a usable device (OperationContext.Device).
        ComputeDevice.UseDetector(TorchDevices.Best);
        var assembly = typeof(ArchitectureExtensions).Assembly;
        var added = builder.Services.Any(d => d.ImplementationInstance is PluginRegistration { } r && r.Assembly == assembly);
        if (added) return builder;
        // Models leave as ONNX and as PyTorch state_dicts (deepforge artifacts export, the REST export route).
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IArtifactExporter, OnnxModelExporter>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IArtifactExporter, PyTorchModelExporter>());
        return builder.AddPlugin(assembly, PluginName);
    }
}
