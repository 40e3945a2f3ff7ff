using System.CommandLine;
using DeepForge.Cli.Commands;

namespace DeepForge.Cli.Hosting;

/// <summary>The <c>deepforge</c> command tree.</summary>
internal static class CliApp
{
    private const string Description = "DeepForge for .NET: design, run and watch deep learning pipelines";

    /// <summary>
    /// The tree for these arguments: <c>bench</c> loads the benchmarks only when they are asked for. A job process of a worker
    /// (<c>job-exec</c>, <c>bench job-exec</c>) gets a tree of its one verb: making the whole tree costs a job process tens of
    /// milliseconds of CPU (its code compiled on first use), and a worker starts one process per job.
    /// </summary>
    public static RootCommand Create(IReadOnlyList<string> args) => args switch
    {
        [JobExecCommand.Name, ..] => new(Description) { JobExecCommand.Create() },
        ["bench", JobExecCommand.Name, ..] => new(Description) { BenchCommand.Create(args) },
        _ => Full(args),
    };

    private static RootCommand Full(IReadOnlyList<string> args) => new(Description)
    {
        NewCommand.Create(),
        ProjectsCommand.Create(),
        PullCommand.Create(),
        ExportCommand.Create(),
        PushCommand.Create(),
        WatchCommand.Create(),
        RunCommand.Create(),
        SweepCommand.Create(),
        ResumeCommand.Create(),
        CancelCommand.Create(),
        ExecutionsCommand.Create(),
        ScheduleCommand.Create(),
        LogCommand.Create(),
        ArtifactsCommand.Create(),
        BlobsCommand.Create(),
        DuCommand.Create(),
        ConfigCommand.Create(),
        DoctorCommand.Create(),
        BenchCommand.Create(args),
        StartCommand.Create(),
        TokenCommand.Create(),
        UsersCommand.Create(),
        LoginCommand.Create(),
        LoginCommand.Logout(),
        JobExecCommand.Create(),
        WorkerCommand.Create(),
        StatusCommand.Create(),
        ExtensionsCommand.Create(),
        UpdateCommand.Create(),
        UninstallCommand.Create(),
    };
}
