using System.CommandLine;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge new &lt;project&gt; --seed &lt;seed&gt;</c></summary>
internal static class NewCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("project") { Description = "Name of the new project" };
        var seed = new Option<string>("--seed") { Description = "Seed to start from (cifar10, fashion-mnist, blank, ...)", DefaultValueFactory = _ => "blank" };
        var command = new Command("new", "Create a project from a seed") { name, seed };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var project = await context.Engine.Projects.CreateAsync(parse.GetValue(name)!, parse.GetValue(seed)!, ct);
            Console.WriteLine($"Created project {project.Name} from seed {project.Seed}: pipelines {string.Join(", ", project.Pipelines.Select(p => p.Name))}");
            return CliAction.Ok;
        });
        return command;
    }
}
