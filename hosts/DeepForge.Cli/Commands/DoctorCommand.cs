using System.CommandLine;
using DeepForge.Cli.Doctor;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge doctor</c>: what this machine can run (libtorch, CUDA, threads, worker labels, the native-library fix).</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("doctor", "Show what this machine can run: libtorch version and folder, CUDA devices, threads, the labels a worker would have") { json };
        CliAction.Set(command, (parse, context, _) =>
        {
            var report = MachineReport.Measure(context.Config);
            if (parse.GetValue(json)) JsonOutput.Print(report);
            else Print(report);
            return Task.FromResult(CliAction.Ok);
        });
        return command;
    }

    private static void Print(MachineReport report)
    {
        var libTorch = report.LibTorch;
        Console.WriteLine($"libtorch       {libTorch.Version} ({(libTorch.TorchDirectory == null ? "the bundled CPU build" : "torch.dir " + libTorch.TorchDirectory)})");
        Console.WriteLine($"loaded from    {libTorch.Folder}");
        Console.WriteLine($"CUDA devices   {(report.CudaDevices == 0 ? "none (set torch.dir to a CUDA build of libtorch " + DeepForge.Torch.Native.TorchNative.LibTorchVersion + " on a machine with a GPU)" : report.CudaDevices)}");
        Console.WriteLine($"jobs compute   on {report.Device}");
        Console.WriteLine($"threads        {report.TorchThreads} for libtorch, {report.Processors} processors");
        Console.WriteLine($"worker labels  {string.Join(", ", report.WorkerLabels)} (and any --label given to the worker)");
        Console.WriteLine($"native fix     {report.NativeFix}");
    }
}
