using System.CommandLine;
using DeepForge.Cli.Commands;

namespace DeepForge.Cli.Hosting;

/// <summary>The <c>deepforge</c> command tree.</summary>
internal static class CliApp
{
    /// <summary>The tree for these arguments: <c>bench</c> loads the benchmarks only when they are asked for.</summary>
    public static RootCommand Create(IReadOnlyList<string> args) => new("DeepForge for .NET: design, run and watch deep learning pipelines")
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
