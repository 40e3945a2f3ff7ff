using DeepForge.Models;

namespace DeepForge.Cli.Logs;

/// <summary>Prints each node's graphs as text charts, for <c>--graphs</c> at the end of a run or of <c>log</c>.</summary>
internal static class GraphPrinter
{
    public static async Task PrintAsync(IExecutionSource source, string executionId, string? wanted, CancellationToken cancellationToken)
    {
        var (_, nodes) = await source.ReadAsync(executionId, cancellationToken);
        foreach (var node in nodes.Where(n => wanted == null || n.NodeId == wanted))
        {
            var fold = new GraphFold();
            long after = 0;
            while (true)
            {
                var (events, last) = await source.FeedbackAfterAsync(executionId, node.NodeId, after, cancellationToken);
                if (events.Count == 0) break;
                foreach (var e in events) fold.Apply(e);
                after = last;
            }
            foreach (var chart in fold.Render()) Console.Write($"{node.NodeId}: {chart}");
        }
    }

    public static IExecutionSource Source(string? server, Func<DeepForgeEngine> engine) =>
        server is { } url ? new RemoteExecutionSource(url) : new LocalExecutionSource(engine());
}
