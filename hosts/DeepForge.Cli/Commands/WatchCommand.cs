using System.CommandLine;
using DeepForge.Cli.Folders;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge watch &lt;dir&gt;</c>: pushes the folder each time a file in it is saved, until Ctrl-C.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "A folder written by pull" };
        var project = PushCommand.ProjectOption();
        var command = new Command("watch", "Push a folder each time a file in it is saved (for editing in your own IDE); Ctrl-C ends it") { directory, project };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var folder = parse.GetValue(directory)!;
            if (!Directory.Exists(folder)) throw new DeepForgeException(folder, $"there is no folder '{folder}': pull a project into it first (deepforge pull PROJECT {folder})");
            var push = PushCommand.For(context);
            using var watcher = new FolderWatcher(folder);
            Console.WriteLine($"Watching {folder}: each save is pushed. Ctrl-C ends it.");
            try
            {
                while (true)
                {
                    await watcher.NextChangeAsync(ct);
                    PushReport.PrintLine(await push.PushAsync(folder, parse.GetValue(project), force: false, ct));
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return CliAction.Ok; // Ctrl-C is how watching ends
            }
        });
        return command;
    }
}
