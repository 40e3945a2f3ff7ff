using System.CommandLine;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge cancel &lt;execution&gt;</c></summary>
internal static class CancelCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("execution") { Description = "Execution id" };
        var server = ServerOption.Create();
        var command = new Command("cancel", "Stop a running execution") { id, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            if (parse.GetValue(server) is { } url) return await Remote.RemoteCommands.CancelAsync(url, parse.GetValue(id)!, ct);
            var execution = await context.Engine.Executions.CancelAsync(parse.GetValue(id)!, ct);
            Console.WriteLine(execution.CancelRequested
                ? $"Asked execution {execution.Id} to stop (status: {execution.Status.ToString().ToLowerInvariant()})"
                : $"Execution {execution.Id} has already ended ({execution.Status.ToString().ToLowerInvariant()})");
            return CliAction.Ok;
        });
        return command;
    }
}
