using System.CommandLine;
using DeepForge.Cli.Commands;

namespace DeepForge.Cli.Hosting;

/// <summary>The <c>deepforge</c> command tree.</summary>
internal static class CliApp
{
    public static RootCommand Create() => new("DeepForge for .NET: design, run and watch deep learning pipelines")
    {
        NewCommand.Create(),
        ProjectsCommand.Create(),
        PullCommand.Create(),
        PushCommand.Create(),
        WatchCommand.Create(),
        RunCommand.Create(),
        ResumeCommand.Create(),
        CancelCommand.Create(),
        ExecutionsCommand.Create(),
        LogCommand.Create(),
        ArtifactsCommand.Create(),
        BlobsCommand.Create(),
        DuCommand.Create(),
        ConfigCommand.Create(),
        BenchCommand.Create(),
        StartCommand.Create(),
        TokenCommand.Create(),
        UsersCommand.Create(),
        LoginCommand.Create(),
        LoginCommand.Logout(),
        JobExecCommand.Create(),
        WorkerCommand.Create(),
        ExtensionsCommand.Create(),
        UpdateCommand.Create(),
        UninstallCommand.Create(),
    };
}
