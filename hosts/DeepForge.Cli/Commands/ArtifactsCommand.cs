using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge artifacts &lt;project&gt;</c></summary>
internal static class ArtifactsCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var json = new Option<bool>("--json") { Description = "Print JSON, one artifact per line" };
        var server = ServerOption.Create();
        var command = new Command("artifacts", "List a project's artifacts, newest first") { project, json, server };
        command.Subcommands.Add(RemoveCommands.Artifact());
        command.Subcommands.Add(ArtifactExportCommand.Create());
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            var artifacts = parse.GetValue(server) is { } url ? await Remote.RemoteCommands.ArtifactsAsync(url, name, ct) : await ListLocalAsync(context.Engine, name, ct);
            if (parse.GetValue(json))
            {
                foreach (var a in artifacts) JsonOutput.Print(a);
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Name", "Type", "Size", "Made by", "Created", "Id");
            foreach (var a in artifacts)
                table.AddRow(Markup.Escape(a.Name), Markup.Escape(a.DataType.Split('.').Last()), Sizes.Format(a.Size),
                    Markup.Escape(a.ExecutionId is null ? "upload" : $"{a.ExecutionId}/{a.NodeId}"), a.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss"), Markup.Escape(a.Id));
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<Models.ArtifactRecord>> ListLocalAsync(DeepForgeEngine engine, string project, CancellationToken ct)
    {
        await engine.Projects.GetAsync(project, ct);
        return await engine.Artifacts.ListAsync(project, ct);
    }
}
