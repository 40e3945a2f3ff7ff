using System.CommandLine;
using DeepForge.Catalog;
using DeepForge.Cli.Folders;
using DeepForge.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge push &lt;dir&gt; [--project NAME] [--force]</c>: stores a folder as the project, after checking it.</summary>
internal static class PushCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "A folder written by pull (or any folder in the seed layout)" };
        var project = ProjectOption();
        var force = new Option<bool>("--force") { Description = "Store the folder even over changes made to the project elsewhere since it was pulled (code that does not compile is refused all the same)" };
        var command = new Command("push", "Store a folder as the project: refuses compile errors, unknown operations, bad ids and unsafe paths, and edits made elsewhere since the pull") { directory, project, force };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var outcome = await For(context).PushAsync(parse.GetValue(directory)!, parse.GetValue(project), parse.GetValue(force), ct);
            PushReport.PrintFull(outcome);
            return outcome.Refused ? CliAction.BadInput : CliAction.Ok;
        });
        return command;
    }

    public static Option<string?> ProjectOption() => new("--project") { Description = "The project to store the folder as (default: the one it was pulled from, else the folder's name)" };

    public static FolderPush For(CliContext context) =>
        new(context.Engine.Projects, context.Engine.Executions, context.Services.GetRequiredService<CatalogProvider>());
}
