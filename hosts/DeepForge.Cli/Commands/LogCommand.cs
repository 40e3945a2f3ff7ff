using System.CommandLine;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge log &lt;execution&gt; [node]</c></summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("execution") { Description = "Execution id" };
        var node = new Argument<string?>("node") { Description = "Node id (every node when left out)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("log", "Print the output of an execution's operations") { id, node };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var executionId = parse.GetValue(id)!;
            var nodes = await context.Engine.Executions.NodesAsync(executionId, ct);
            var wanted = parse.GetValue(node);
            if (wanted != null && nodes.All(n => n.NodeId != wanted))
                throw new DeepForgeException($"node '{wanted}'", $"execution {executionId} has no node '{wanted}' (nodes: {string.Join(", ", nodes.Select(n => n.NodeId))})");
            foreach (var n in nodes.Where(n => wanted == null || n.NodeId == wanted))
            {
                var log = await context.Engine.Executions.LogAsync(executionId, n.NodeId, ct);
                if (wanted == null && log.Length == 0) continue;
                if (wanted == null) Console.WriteLine($"=== {n.NodeId} ({n.Status.ToString().ToLowerInvariant()}) ===");
                Console.Write(log);
            }
            return CliAction.Ok;
        });
        return command;
    }
}
