using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Logs;
using DeepForge.Models;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge log &lt;execution&gt; [node] [--follow] [--graphs] [--server URL]</c></summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("execution") { Description = "Execution id" };
        var node = new Argument<string?>("node") { Description = "Node id (every node when left out)", Arity = ArgumentArity.ZeroOrOne };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new output and status changes until the execution ends" };
        var graphs = new Option<bool>("--graphs") { Description = "Print each graph as a small text chart (at the end, with --follow)" };
        var server = ServerOption.Create();
        var command = new Command("log", "Print the output of an execution's operations") { id, node, follow, graphs, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var executionId = parse.GetValue(id)!;
            var wanted = parse.GetValue(node);
            using var source = GraphPrinter.Source(parse.GetValue(server), () => context.Engine);
            var printer = new LogPrinter(source, executionId, wanted);
            var execution = parse.GetValue(follow) ? await printer.FollowAsync(ct) : await printer.PrintAsync(ct);
            if (parse.GetValue(graphs)) await GraphPrinter.PrintAsync(source, executionId, wanted, ct);
            return !parse.GetValue(follow) || execution.Status == ExecutionStatus.Succeeded ? CliAction.Ok : CliAction.Failed;
        });
        return command;
    }
}
