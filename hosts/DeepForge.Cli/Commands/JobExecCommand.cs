using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Torch.Native;
using DeepForge.Worker;

namespace DeepForge.Cli.Commands;

/// <summary>
/// The hidden <c>job-exec &lt;folder&gt;</c> verb: the child process in which a worker runs one job. With <c>-</c> it is a warm
/// process: it waits for the folder on stdin. libtorch loads only for a job whose operation uses TorchSharp (see
/// <see cref="JobNativeLibrary"/>): loading it costs a process about a quarter of a second of CPU, which most jobs do not need.
/// A worker starts it as <c>job-exec FOLDER</c>, which <see cref="Direct"/> takes at the top of Main, before any command tree
/// is made: a process per job pays for every piece of code it runs, so the job path runs no more than it needs.
/// </summary>
internal static class JobExecCommand
{
    public const string Name = "job-exec";

    /// <summary>The job folder (or <c>-</c>) when these arguments are exactly a worker's <c>job-exec FOLDER</c>; null otherwise (help, typos: the tree answers those).</summary>
    public static string? Direct(IReadOnlyList<string> args) => args is [Name, var folder] && !folder.StartsWith("--", StringComparison.Ordinal) && folder != "-h" ? folder : null;

    /// <summary>Runs the job of <paramref name="folder"/> with the command's services, errors as one line as for any verb.</summary>
    public static Task<int> RunAsync(string folder, CancellationToken cancellationToken) =>
        CliAction.Run(context => RunAsync(folder, context, cancellationToken), cancellationToken);

    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "The job folder the worker prepared, or - to start warm and read it from stdin" };
        var command = new Command(Name, "Run one job of a worker (used by workers)") { folder };
        command.Hidden = true;
        CliAction.Set(command, (parse, context, ct) => RunAsync(parse.GetValue(folder)!, context, ct));
        return command;
    }

    private static async Task<int> RunAsync(string folder, CliContext context, CancellationToken cancellationToken)
    {
        TorchNative.LoadLazily = true;
        // The plugins alone, not the context's engine: a job needs no store (CliContext.BuildForJob says why).
        await using var services = CliContext.BuildForJob(context.DataDirectory, context.Config);
        return await JobChild.RunAsync(folder, services, new JobNativeLibrary("TorchSharp", TorchNative.EnsureLoaded), cancellationToken);
    }
}
