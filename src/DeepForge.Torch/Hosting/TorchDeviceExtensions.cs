using DeepForge.Operations;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Hosting;

/// <summary>The TorchSharp device an operation should compute on.</summary>
public static class TorchDeviceExtensions
{
    /// <summary>The device named by <see cref="OperationContext.Device"/> (<c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>).</summary>
    /// <exception cref="DeepForgeException">The device is unknown, or CUDA was asked for and this machine has none.</exception>
    public static Device TorchDevice(this OperationContext context)
    {
        TorchNative.EnsureLoaded();
        var name = context.Device;
        if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) && !cuda.is_available())
            throw new DeepForgeException("device", $"device '{name}' was asked for, but libtorch here has no CUDA device; run on a worker labelled cuda");
        try
        {
            return device(name);
        }
        catch (Exception e) when (TorchErrors.IsForeign(e))
        {
            throw new DeepForgeException("device", $"device '{name}' is not a TorchSharp device: {TorchErrors.Describe(e)}", e);
        }
    }
}
