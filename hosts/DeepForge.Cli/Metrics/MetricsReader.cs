using DeepForge.Metrics;

namespace DeepForge.Cli.Metrics;

/// <summary>Reads executions' metrics from this machine's data folder or from a server's REST API.</summary>
internal static class MetricsReader
{
    public static async Task<Dictionary<string, IReadOnlyList<NodeMetrics>>> ReadAsync(
        string? server, Func<DeepForgeEngine> engine, IEnumerable<string> executionIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<NodeMetrics>>();
        using var client = server != null ? new Remote.ServerClient(server) : null;
        foreach (var id in executionIds)
            result[id] = client != null ? await client.MetricsAsync(id, cancellationToken) : await engine().Executions.MetricsAsync(id, cancellationToken);
        return result;
    }
}
