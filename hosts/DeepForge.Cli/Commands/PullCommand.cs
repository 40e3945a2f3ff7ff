using System.CommandLine;
using DeepForge.Cli.Folders;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge pull &lt;project&gt; [dir]</c>: the project as a folder to edit and keep in git.</summary>
internal static class PullCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var directory = new Argument<string?>("dir") { Description = "Folder to write (default: ./<project>)", Arity = ArgumentArity.ZeroOrOne };
        var force = new Option<bool>("--force") { Description = "Write into a folder that holds other files (the project's files are overwritten)" };
        var command = new Command("pull", "Write a project as a folder: project.json, pipelines/, architectures/, its C# sources and a .csproj for IntelliSense") { project, directory, force };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            var target = parse.GetValue(directory) ?? name;
            var stored = await context.Engine.Projects.GetAsync(name, ct);
            if (!parse.GetValue(force) && FolderWriter.HasOtherContent(target, name))
                throw new DeepForgeException(target, $"folder '{target}' is not empty and was not pulled from '{name}': name an empty or new folder, or add --force");
            var written = FolderWriter.Write(stored, target);
            Console.WriteLine($"Pulled {name} version {stored.Version} into {target}: {written.Count} files. Edit them, then: deepforge push {target}");
            return CliAction.Ok;
        });
        return command;
    }
}
