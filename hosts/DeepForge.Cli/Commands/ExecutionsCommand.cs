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
        var server = ServerOption.Create();
        var command = new Command("executions", "List a project's executions, newest first") { project, json, server };
        command.Subcommands.Add(RemoveCommands.Execution());
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            var executions = parse.GetValue(server) is { } url
                ? await Remote.RemoteCommands.ListAsync(url, name, ct)
                : (await ListLocalAsync(context.Engine, name, ct));
            if (parse.GetValue(json))
            {
                foreach (var e in executions)
                    JsonOutput.Print(new { e.Id, e.Pipeline, e.Status, e.CreatedAt, e.FinishedAt, e.Error, e.Waiting });
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Execution", "Pipeline", "Status", "Started", "Duration");
            foreach (var e in executions)
                table.AddRow(e.Id, Markup.Escape(e.Pipeline), Markup.Escape(e.Waiting ?? e.Status.ToString().ToLowerInvariant()), e.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"),
                    e.FinishedAt is { } f ? $"{(f - e.CreatedAt).TotalSeconds:0.0} s" : "");
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<Remote.RemoteSummary>> ListLocalAsync(DeepForgeEngine engine, string project, CancellationToken ct)
    {
        await engine.Projects.GetAsync(project, ct);
        return (await engine.Executions.ListAsync(project, ct))
            .Select(e => new Remote.RemoteSummary(e.Id, e.Pipeline.Name, e.Status, e.CreatedAt, e.FinishedAt, e.Error)).ToList();
    }
}
