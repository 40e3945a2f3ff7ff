using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Worker;

namespace DeepForge.Cli.Commands;

/// <summary>The hidden <c>job-exec &lt;folder&gt;</c> verb: the child process in which a worker runs one job.</summary>
internal static class JobExecCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The job folder the worker prepared" };
        var command = new Command("job-exec", "Run one job of a worker (used by workers)") { folder };
        command.Hidden = true;
        CliAction.Set(command, (parse, context, ct) => JobChild.RunAsync(parse.GetValue(folder)!, context.Services, ct));
        return command;
    }
}
