using DeepForge.Models;

namespace DeepForge.Cli.Remote;

/// <summary>
/// A running execution whose job no worker has leased is not running yet: the server's execution view says
/// what its queued node waits for, and the list shows that instead of "running".
/// </summary>
internal static class QueuedReasons
{
    public static async Task<IReadOnlyList<RemoteSummary>> AddAsync(ServerClient client, IReadOnlyList<RemoteSummary> list, CancellationToken cancellationToken)
    {
        var result = new List<RemoteSummary>(list.Count);
        foreach (var summary in list)
        {
            if (summary.Status != ExecutionStatus.Running) { result.Add(summary); continue; }
            var view = await client.GetAsync(summary.Id, cancellationToken);
            var waiting = view.Nodes.Select(n => n.Waiting).FirstOrDefault(w => w != null);
            // Waiting only when no node is actually running: one leased job means the execution runs.
            var anyLeased = view.Nodes.Any(n => n.Status == NodeStatus.Running && n.Waiting == null);
            result.Add(waiting == null || anyLeased ? summary : summary with { Waiting = Text(waiting) });
        }
        return result;
    }

    private static string Text(string waiting) => waiting.StartsWith("queued", StringComparison.Ordinal) ? waiting : $"queued: {waiting}";
}
