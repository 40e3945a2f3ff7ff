using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Torch.Native;
using DeepForge.Worker;

namespace DeepForge.Cli.Commands;

/// <summary>
/// The hidden <c>job-exec &lt;folder&gt;</c> verb: the child process in which a worker runs one job. With <c>-</c> it is a warm
/// process: it loads libtorch ahead of its job (most jobs of a worker train or test networks) and waits for the folder on stdin.
/// </summary>
internal static class JobExecCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The job folder the worker prepared, or - to start warm and read it from stdin" };
        var command = new Command("job-exec", "Run one job of a worker (used by workers)") { folder };
        command.Hidden = true;
        CliAction.Set(command, (parse, context, ct) => JobChild.RunAsync(parse.GetValue(folder)!, context.Services, TorchNative.EnsureLoaded, ct));
        return command;
    }
}
