using System.CommandLine;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge new &lt;project&gt; --seed &lt;seed&gt;</c> or <c>--from &lt;folder&gt;</c></summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("project") { Description = "Name of the new project" };
        var seed = new Option<string>("--seed") { Description = "Seed to start from (cifar10, fashion-mnist, images, blank, ...)", DefaultValueFactory = _ => "blank" };
        var from = new Option<string?>("--from") { Description = "Folder to start from: one written by pull, or any folder in the seed layout (same as --seed ./folder)" };
        var command = new Command("new", "Create a project from a seed or a folder") { name, seed, from };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            // A full path, so the seed catalog takes it as a folder even when it is a bare name like 'myproject'.
            var source = parse.GetValue(from) is { } folder ? Path.GetFullPath(folder) : parse.GetValue(seed)!;
            var project = await context.Engine.Projects.CreateAsync(parse.GetValue(name)!, source, ct);
            Console.WriteLine($"Created project {project.Name} from seed {project.Seed}: pipelines {string.Join(", ", project.Pipelines.Select(p => p.Name))}");
            return CliAction.Ok;
        });
        return command;
    }
}
