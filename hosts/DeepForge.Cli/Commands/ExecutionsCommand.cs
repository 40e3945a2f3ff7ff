using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge executions &lt;project&gt;</c></summary>
internal static class ExecutionsCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var json = new Option<bool>("--json") { Description = "Print JSON, one execution per line" };
        var metrics = new Option<bool>("--metrics") { Description = "Show the metrics each execution's operations reported (context.Metric)" };
        var server = ServerOption.Create();
        var command = new Command("executions", "List a project's executions, newest first") { project, json, metrics, server };
        command.Subcommands.Add(RemoveCommands.Execution());
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            var executions = parse.GetValue(server) is { } url
                ? await Remote.RemoteCommands.ListAsync(url, name, ct)
                : (await ListLocalAsync(context.Engine, name, ct));
            var scores = parse.GetValue(metrics)
                ? await Metrics.MetricsReader.ReadAsync(parse.GetValue(server), () => context.Engine, executions.Select(e => e.Id), ct)
                : null;
            if (parse.GetValue(json))
            {
                foreach (var e in executions)
                    JsonOutput.Print(new { e.Id, e.Pipeline, e.Status, e.CreatedAt, e.FinishedAt, e.Error, e.Waiting, e.ScheduleId, e.ScheduledFor, Metrics = scores?.GetValueOrDefault(e.Id) });
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Execution", "Pipeline", "Status", "Started", "Duration");
            var scheduled = executions.Any(e => e.ScheduleId != null);
            if (scheduled) table.AddColumn("Scheduled");
            if (scores != null) table.AddColumn("Metrics");
            foreach (var e in executions)
            {
                string[] cells = [e.Id, Markup.Escape(e.Pipeline), Markup.Escape(e.Waiting ?? e.Status.ToString().ToLowerInvariant()), e.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"),
                    e.FinishedAt is { } f ? $"{(f - e.CreatedAt).TotalSeconds:0.0} s" : ""];
                if (scheduled) cells = [.. cells, e.ScheduledText];
                table.AddRow(scores == null ? cells : [.. cells, Markup.Escape(Metrics.MetricsCell.Format(scores[e.Id]))]);
            }
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<Remote.RemoteSummary>> ListLocalAsync(DeepForgeEngine engine, string project, CancellationToken ct)
    {
        await engine.Projects.GetAsync(project, ct);
        return (await engine.Executions.ListAsync(project, ct))
            .Select(e => new Remote.RemoteSummary(e.Id, e.Pipeline.Name, e.Status, e.CreatedAt, e.FinishedAt, e.Error) { ScheduleId = e.ScheduleId, ScheduledFor = e.ScheduledFor }).ToList();
    }
}
