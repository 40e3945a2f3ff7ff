using DeepForge.Operations;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Hosting;

/// <summary>Which devices this process can compute on with the libtorch it loaded.</summary>
public static class TorchDevices
{
    /// <summary>
    /// How many CUDA devices are really usable: libtorch must be a CUDA build that sees a device, and a tensor must
    /// be made on it (a driver too old for the build shows devices it cannot use). 0 on a CPU build.
    /// </summary>
    public static int UsableCudaDevices()
    {
        TorchNative.EnsureLoaded();
        if (!cuda.is_available()) return 0;
        var count = cuda.device_count();
        if (count == 0) return 0;
        try
        {
            using var probe = zeros(1, device: CUDA);
            return count;
        }
        catch (Exception e) when (TorchErrors.IsForeign(e))
        {
            return 0;
        }
    }

    /// <summary>The device jobs of this process use: <c>cuda:0</c> when a CUDA device is usable, else <c>cpu</c>.</summary>
    public static string Best() => UsableCudaDevices() > 0 ? "cuda:0" : ComputeDevice.Cpu;
}
