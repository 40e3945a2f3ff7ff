using System.CommandLine;
using DeepForge.Blobs;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Cli.Space;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge du</c>: space by project, artifact and execution, and the blobs nothing uses.</summary>
internal static class DuCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("du", "Show the space used by each project's artifacts and executions, and by blobs nothing uses") { json };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var use = await SpaceSurvey.MeasureAsync(context.Engine, context.Services.GetRequiredService<DeepForgeStore>(),
                context.Services.GetRequiredService<BlobCollector>(), ct);
            if (parse.GetValue(json)) JsonOutput.Print(use);
            else Print(use);
            return CliAction.Ok;
        });
        return command;
    }

    private static void Print(SpaceUse use)
    {
        var table = new Table().AddColumns("Project", "What", "Id", "Size");
        table.Columns[3].RightAligned();
        foreach (var project in use.Projects)
        {
            table.AddRow(Markup.Escape(project.Project), "artifacts", "", Sizes.Format(project.ArtifactBytes));
            foreach (var a in project.Artifacts) table.AddRow("", Markup.Escape($"  artifact {a.Name}"), Markup.Escape(a.Id), Sizes.Format(a.Bytes));
            table.AddRow("", "executions", "", Sizes.Format(project.ExecutionBytes));
            foreach (var e in project.Executions) table.AddRow("", Markup.Escape($"  execution of {e.Name}"), Markup.Escape(e.Id), Sizes.Format(e.Bytes));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"Blobs nothing uses: {use.UnusedBlobs} ({Sizes.Format(use.UnusedBytes)})");
    }
}
