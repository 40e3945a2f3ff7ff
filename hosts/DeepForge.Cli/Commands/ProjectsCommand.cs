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
        var command = new Command("projects", "List projects") { json, ShareCommand.Create() };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var projects = await context.Engine.Projects.ListAsync(ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Print(projects.Select(p => new { p.Name, p.Seed, Pipelines = p.Pipelines.Select(x => x.Name) }));
                return CliAction.Ok;
            }
            var table = new Table().AddColumns("Project", "Seed", "Pipelines", "Architectures");
            foreach (var p in projects)
                table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Seed ?? ""), Markup.Escape(string.Join(", ", p.Pipelines.Select(x => x.Name))), Markup.Escape(string.Join(", ", p.Architectures.Select(a => a.Name))));
            AnsiConsole.Write(table);
            return CliAction.Ok;
        });
        return command;
    }
}
