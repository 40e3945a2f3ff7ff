using DeepForge.Torch.Native;

namespace DeepForge.Cli.Hosting;

/// <summary>Whether this machine has a CUDA device TorchSharp can use; the worker's gpu and cuda labels come from it.</summary>
internal static class CudaProbe
{
    public static bool IsAvailable()
    {
        try
        {
            TorchNative.EnsureLoaded();
            return TorchSharp.torch.cuda.is_available();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return false;
        }
    }
}
