using System.Text.Json;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>A project's executions as <c>deepforge executions &lt;project&gt; --json</c> prints them, one JSON document a line.</summary>
internal static class ExecutionList
{
    public static IReadOnlyList<(string Id, string Pipeline, string Status)> Read(Cli cli, string project)
    {
        var result = cli.Run("executions", project, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.StdoutLines.Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return (root.GetProperty("id").GetString()!, root.GetProperty("pipeline").GetString()!, root.GetProperty("status").GetString()!);
        }).ToList();
    }
}
