using DeepForge.Torch.Hosting;

namespace DeepForge.Cli.Hosting;

/// <summary>Whether this process has a CUDA device TorchSharp can really use (a CUDA libtorch, via torch.dir, and a device); the worker's gpu and cuda labels come from it.</summary>
internal static class CudaProbe
{
    public static bool IsAvailable()
    {
        try
        {
            return TorchDevices.UsableCudaDevices() > 0;
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return false;
        }
    }
}
