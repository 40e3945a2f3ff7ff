using DeepForge.Models;

namespace DeepForge.Cli.Output;

/// <summary>The end of a run: its status (a failed node's log, with its error, was shown as it ran, so it is not shown again).</summary>
internal static class ExecutionSummary
{
    public static async Task<int> PrintAsync(DeepForgeEngine engine, ExecutionRecord execution, bool json, CancellationToken cancellationToken)
    {
        var nodes = await engine.Executions.NodesAsync(execution.Id, cancellationToken);
        if (json)
        {
            JsonOutput.Print(new { execution.Id, execution.Project, Pipeline = execution.Pipeline.Name, execution.Status, execution.Error, Nodes = nodes });
            return ExitCode(execution);
        }
        Console.Error.WriteLine($"Execution {execution.Id} of {execution.Project}/{execution.Pipeline.Name}: {execution.Status.ToString().ToLowerInvariant()}");
        return ExitCode(execution);
    }

    private static int ExitCode(ExecutionRecord execution) => execution.Status == ExecutionStatus.Succeeded ? 0 : 1;
}
