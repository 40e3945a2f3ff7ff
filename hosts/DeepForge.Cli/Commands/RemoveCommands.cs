using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Space;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge artifacts rm</c>, <c>executions rm</c>, <c>projects rm</c>: each refuses what is still used unless <c>--force</c>.</summary>
internal static class RemoveCommands
{
    public static Command Artifact()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var artifact = new Argument<string>("artifact") { Description = "Artifact id or name (the newest of that name)" };
        var force = Force("clear the Input nodes that read it");
        var command = new Command("rm", "Remove an artifact; refused while an Input node reads it") { project, artifact, force };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var removed = await ArtifactRemoval.RemoveAsync(context.Engine, Store(context), parse.GetValue(project)!, parse.GetValue(artifact)!, parse.GetValue(force), ct);
            Console.WriteLine($"Removed artifact {removed.Name} ({removed.Id}); its data goes at the next blob collection");
            return CliAction.Ok;
        });
        return command;
    }

    public static Command Execution()
    {
        var execution = new Argument<string>("execution") { Description = "Execution id" };
        var force = Force("remove the artifacts it made too");
        var command = new Command("rm", "Remove a finished execution with its logs and feedback; refused while it runs") { execution, force };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var id = parse.GetValue(execution)!;
            var artifacts = await ExecutionRemoval.RemoveAsync(context.Engine, Store(context), id, parse.GetValue(force), ct);
            Console.WriteLine($"Removed execution {id}" + (artifacts > 0 ? $" and the {artifacts} artifact(s) it made" : ""));
            return CliAction.Ok;
        });
        return command;
    }

    public static Command Project()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var force = Force("remove its executions and artifacts too");
        var command = new Command("rm", "Remove a project; refused while it has executions or artifacts") { project, force };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var name = parse.GetValue(project)!;
            var (executions, artifacts) = await ProjectRemoval.RemoveAsync(context.Engine, Store(context), name, parse.GetValue(force), ct);
            Console.WriteLine($"Removed project {name} with {executions} execution(s) and {artifacts} artifact(s)");
            return CliAction.Ok;
        });
        return command;
    }

    private static Option<bool> Force(string what) => new("--force") { Description = $"Remove what uses it: {what}" };

    private static DeepForgeStore Store(CliContext context) => context.Services.GetRequiredService<DeepForgeStore>();
}
