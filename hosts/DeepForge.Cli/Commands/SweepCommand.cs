using System.CommandLine;
using DeepForge.Api;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Sweeps;
using DeepForge.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary>
/// <c>deepforge sweep &lt;project&gt; &lt;pipeline&gt; --set node.attribute=a,b [--random N --range node.attribute=low..high[:log]]</c>,
/// <c>sweep list &lt;project&gt;</c> and <c>sweep show &lt;project&gt; &lt;sweep&gt;</c>.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var pipeline = new Argument<string>("pipeline") { Description = "Pipeline name" };
        var lists = new Option<string[]>("--set", "-s") { Description = "An attribute to vary and its values: node.attribute=value,value,... (a grid runs every combination)" };
        var ranges = new Option<string[]>("--range") { Description = "With --random: an attribute to draw from an interval: node.attribute=low..high, :log after it for a log scale" };
        var random = new Option<int?>("--random") { Description = "Draw this many runs at random from the --range intervals and --set lists instead of running the grid" };
        var seed = new Option<int?>("--seed") { Description = "The seed of a random sweep (one is picked and printed when not given)" };
        var parallel = new Option<int>("--parallel") { Description = "How many runs may run at once", DefaultValueFactory = _ => 1 };
        var metric = new Option<string?>("--metric") { Description = "The metric that judges the runs: a context.Metric name, or a graph's title (default: the first the runs report)" };
        var goal = new Option<string>("--goal") { Description = "Whether a higher (max) or lower (min) metric is better", DefaultValueFactory = _ => "max" };
        goal.AcceptOnlyFromAmong("max", "min");
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"--parallel {r.GetValueOrDefault<int>()}: give how many runs may run at once, at least 1"); });
        random.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 and var n) r.AddError($"--random {n}: give how many runs to draw, at least 1"); });
        var inputs = new Option<string[]>("--input", "-i") { Description = "Set an Input node for every run: node=artifact (an artifact id or name)" };
        var noCache = new Option<bool>("--no-cache") { Description = "Run every operation of every run, even when an identical earlier run could be reused" };
        var json = new Option<bool>("--json") { Description = "Print the final table as JSON instead of progress and a table" };
        var detach = new Option<bool>("--detach", "-d") { Description = "With --server: start the sweep and return; it goes on on the server" };
        var server = ServerOption.Create();
        var command = new Command("sweep", "Run a pipeline once per combination of attribute values (or per random draw) and compare the runs")
            { project, pipeline, lists, ranges, random, seed, parallel, metric, goal, inputs, noCache, json, detach, server };
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var request = new StartSweepRequest(parse.GetValue(pipeline)!, SweepArguments.Parse(parse.GetValue(lists) ?? [], parse.GetValue(ranges) ?? []),
                parse.GetValue(random), parse.GetValue(seed), parse.GetValue(metric), parse.GetValue(goal) == "min" ? SweepGoal.Min : SweepGoal.Max, parse.GetValue(parallel),
                (parse.GetValue(inputs) ?? []).Select(InputBinding.Split).ToDictionary(i => i.Node, i => i.Value), !parse.GetValue(noCache));
            if (parse.GetValue(server) is { } url)
                return await RemoteSweep.RunAsync(url, parse.GetValue(project)!, request, parse.GetValue(json), parse.GetValue(detach), ct);
            if (parse.GetValue(detach)) throw new DeepForgeException("--detach", "--detach leaves a sweep going on a server: give --server URL too, or leave --detach out");
            return await LocalSweep.RunAsync(context, parse.GetValue(project)!, request.ToRequest(null), parse.GetValue(json), ct);
        });
        return command;
    }

    private static Command List()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var json = new Option<bool>("--json") { Description = "Print JSON, one sweep per line" };
        var server = ServerOption.Create();
        var command = new Command("list", "List a project's sweeps, newest first") { project, json, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            IReadOnlyList<SweepSummary> sweeps;
            if (parse.GetValue(server) is { } url)
            {
                using var client = new Remote.ServerClient(url);
                sweeps = await client.SweepsAsync(name, ct);
            }
            else
            {
                await context.Engine.Projects.GetAsync(name, ct);
                sweeps = (await context.Services.GetRequiredService<SweepService>().ListAsync(name, ct)).Select(SweepSummary.Of).ToList();
            }
            if (parse.GetValue(json))
            {
                foreach (var s in sweeps) Output.JsonOutput.Print(s);
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Sweep", "Pipeline", "Varies", "Runs", "Metric", "Started");
            foreach (var s in sweeps)
                table.AddRow(s.Id, Markup.Escape(s.Pipeline), Markup.Escape(string.Join(", ", s.Parameters)), s.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape($"{s.Metric ?? "(first reported)"} ({s.Goal.ToString().ToLowerInvariant()})"), s.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"));
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var sweep = new Argument<string>("sweep") { Description = "Sweep id (deepforge sweep list shows them)" };
        var json = new Option<bool>("--json") { Description = "Print the table as JSON" };
        var server = ServerOption.Create();
        var command = new Command("show", "Show a sweep's runs: their values, status and final metrics, best first") { project, sweep, json, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var (name, id) = (parse.GetValue(project)!, parse.GetValue(sweep)!);
            SweepTable table;
            if (parse.GetValue(server) is { } url)
            {
                using var client = new Remote.ServerClient(url);
                table = await client.SweepAsync(name, id, ct);
            }
            else
            {
                await context.Engine.Projects.GetAsync(name, ct);
                table = await context.Services.GetRequiredService<SweepService>().TableAsync(name, id, ct);
            }
            if (parse.GetValue(json)) Output.JsonOutput.Print(table);
            else SweepPrinter.Print(table);
            return CliAction.Ok;
        });
        return command;
    }
}
