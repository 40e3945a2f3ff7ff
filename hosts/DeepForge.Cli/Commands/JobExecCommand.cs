using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Torch.Native;
using DeepForge.Worker;

namespace DeepForge.Cli.Commands;

/// <summary>
/// The hidden <c>job-exec &lt;folder&gt;</c> verb: the child process in which a worker runs one job. With <c>-</c> it is a warm
/// process: it waits for the folder on stdin. libtorch loads only for a job whose operation uses TorchSharp (see
/// <see cref="JobNativeLibrary"/>): loading it costs a process about a quarter of a second of CPU, which most jobs do not need.
/// </summary>
internal static class JobExecCommand
{
    public const string Name = "job-exec";

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The job folder the worker prepared, or - to start warm and read it from stdin" };
        var command = new Command(Name, "Run one job of a worker (used by workers)") { folder };
        command.Hidden = true;
        CliAction.Set(command, (parse, context, ct) =>
        {
            TorchNative.LoadLazily = true;
            return JobChild.RunAsync(parse.GetValue(folder)!, context.Services, new JobNativeLibrary("TorchSharp", TorchNative.EnsureLoaded), ct);
        });
        return command;
    }
}
