using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge resume &lt;execution&gt;</c></summary>
internal static class ResumeCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("execution") { Description = "Execution id" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of live progress" };
        var server = ServerOption.Create();
        var verbose = new Option<bool>("--verbose") { Description = "Show a failure's DeepForge and .NET frames too, not only those in the project's code" };
        var command = new Command("resume", "Continue an interrupted, failed or cancelled execution; finished operations are not run again") { id, json, server, verbose };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var quiet = parse.GetValue(json);
            if (parse.GetValue(server) is { } url) return await Remote.RemoteCommands.ResumeAsync(url, parse.GetValue(id)!, quiet, ct, parse.GetValue(verbose));
            var view = new RunView(quiet, parse.GetValue(verbose));
            var execution = await context.Engine.Executions.ResumeAsync(parse.GetValue(id)!, view, ct);
            view.Flush();
            return await ExecutionSummary.PrintAsync(context.Engine, execution, quiet, ct);
        });
        return command;
    }
}
