using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge projects</c></summary>
internal static class ProjectsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var server = ServerOption.Create();
        var command = new Command("projects", "List projects") { json, server, ShareCommand.Create() };
        command.Subcommands.Add(RemoveCommands.Project());
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var projects = parse.GetValue(server) is { } url
                ? await Remote.RemoteCommands.ProjectsAsync(url, ct)
                : (await context.Engine.Projects.ListAsync(ct)).Select(p => new Remote.RemoteProject(p.Name, p.Seed, p.Pipelines.Select(x => x.Name).ToList(), p.Architectures.Select(a => a.Name).ToList())).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Print(projects.Select(p => new { p.Name, p.Seed, p.Pipelines }));
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Project", "Seed", "Pipelines", "Architectures");
            foreach (var p in projects)
                table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Seed ?? ""), Markup.Escape(string.Join(", ", p.Pipelines)), Markup.Escape(string.Join(", ", p.Architectures)));
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return command;
    }
}
