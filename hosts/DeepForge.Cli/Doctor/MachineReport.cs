using DeepForge.Cli.Hosting;
using DeepForge.Configuration;
using DeepForge.Torch.Hosting;
using DeepForge.Torch.Native;

namespace DeepForge.Cli.Doctor;

/// <summary>What this machine can run, as <c>deepforge doctor</c> prints it.</summary>
/// <param name="LibTorch">The libtorch this process loaded: version, folder, torch.dir, the native-library fix.</param>
/// <param name="CudaDevices">CUDA devices really usable (0 on a CPU build or without a device).</param>
/// <param name="Device">The device jobs on this machine compute on (what operations get as OperationContext.Device).</param>
/// <param name="TorchThreads">Threads libtorch computes with.</param>
/// <param name="Processors">Processors the process may use.</param>
/// <param name="WorkerLabels">The labels a worker started here offers before any --label.</param>
/// <param name="NativeFix">Which fix for an older libstdc++ is in use, in words.</param>
internal sealed record MachineReport(LibTorchInfo LibTorch, int CudaDevices, string Device, int TorchThreads, int Processors,
    IReadOnlyList<string> WorkerLabels, string NativeFix)
{
    public static MachineReport Measure(DeepForgeConfig config)
    {
        TorchSetting.Apply(config);
        var libTorch = TorchNative.Describe();
        var cuda = TorchDevices.UsableCudaDevices();
        // The same rule the worker labels itself by (WorkerSetup's CudaProbe): gpu and cuda only with a usable device.
        var labels = cuda > 0 ? new[] { "cpu", "gpu", "cuda" } : ["cpu"];
        var fix = libTorch.PatchedCopy is { } copy
            ? $"libLibTorchSharp.so needs GLIBCXX_3.4.32, newer than this libstdc++: loaded a copy that asks for it weakly ({copy})"
            : "none: libLibTorchSharp.so loaded as shipped";
        return new MachineReport(libTorch, cuda, cuda > 0 ? "cuda:0" : "cpu", TorchSharp.torch.get_num_threads(), Environment.ProcessorCount, labels, fix);
    }
}
