using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge run &lt;project&gt; &lt;pipeline&gt; [--input node=artifact]...</c></summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var pipeline = new Argument<string>("pipeline") { Description = "Pipeline name" };
        var inputs = new Option<string[]>("--input", "-i")
        {
            Description = "Set an Input node: node=artifact (an artifact id or name) or node=path (a file or folder to upload)",
            AllowMultipleArgumentsPerToken = false,
        };
        var settings = new Option<string[]>("--set", "-s") { Description = "Set an attribute for this run only: node.attribute=value" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of live progress" };
        var server = ServerOption.Create();
        var noCache = new Option<bool>("--no-cache") { Description = "Run every operation even when an identical earlier run could be reused" };
        var graphs = new Option<bool>("--graphs") { Description = "At the end, print each graph as a small text chart" };
        var detach = new Option<bool>("--detach", "-d") { Description = "With --server: start the run and return; it goes on on the server (Ctrl-C while following cancels it)" };
        var verbose = new Option<bool>("--verbose") { Description = "Show a failure's DeepForge and .NET frames too, not only those in the project's code" };
        var command = new Command("run", "Run a pipeline and show each operation's status as it runs; Ctrl-C cancels the run") { project, pipeline, inputs, settings, json, noCache, server, detach, graphs, verbose };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            var options = new RunOptions { UseCache = !parse.GetValue(noCache) };
            AttributeBinding.Bind(parse.GetValue(settings) ?? [], options);
            if (parse.GetValue(server) is { } url)
                return await Remote.RemoteCommands.RunAsync(url, name, parse.GetValue(pipeline)!, parse.GetValue(inputs) ?? [], options, parse.GetValue(json), parse.GetValue(detach), ct,
                    parse.GetValue(graphs), parse.GetValue(verbose));
            if (parse.GetValue(detach)) throw new DeepForgeException("--detach", "--detach leaves a run going on a server: give --server URL too, or leave --detach out");
            await InputBinding.BindAsync(context.Engine, name, parse.GetValue(pipeline)!, parse.GetValue(inputs) ?? [], options, ct);
            var quiet = parse.GetValue(json);
            var view = new RunView(quiet, parse.GetValue(verbose));
            var created = await context.Engine.Executions.CreateAsync(name, parse.GetValue(pipeline)!, options, ct);
            if (!quiet) Console.Error.WriteLine($"Execution {created.Id} of {name}/{created.Pipeline.Name}");
            // Ctrl-C cancels the run (LocalCancel) and lets it end as cancelled; only SIGTERM stops it where it is, resumable.
            var stop = Interrupts.Current.Terminating;
            ExecutionRecord execution;
            await using (new LocalCancel(context.Engine, created.Id))
                execution = await context.Engine.Executions.ResumeAsync(created.Id, view, stop);
            view.Flush();
            var exit = await ExecutionSummary.PrintAsync(context.Engine, execution, quiet, stop);
            if (parse.GetValue(graphs) && !quiet) await Logs.GraphPrinter.PrintAsync(new Logs.LocalExecutionSource(context.Engine), execution.Id, null, stop);
            return exit;
        });
        return command;
    }
}
