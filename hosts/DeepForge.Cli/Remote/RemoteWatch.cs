using DeepForge.Api;
using DeepForge.Cli.Output;
using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Cli.Remote;

/// <summary>
/// Follows an execution on a server until it ends: prints each node's status as it changes (and what
/// a queued job is waiting for) and its log as it arrives, polling four times a second. A server that
/// restarts meanwhile is waited for (<see cref="ServerLink"/>): the run goes on there, and so does following it.
/// </summary>
internal static class RemoteWatch
{
    public static async Task<int> FollowAsync(ServerClient client, string executionId, bool json, CancellationToken cancellationToken, bool verbose = false)
    {
        var view = new RunView(json, verbose);
        var seen = new Dictionary<string, string>();
        var logAfter = new Dictionary<string, long>();
        var link = new ServerLink(client.BaseUrl);
        var feedbackAfter = new Dictionary<string, long>();
        while (true)
        {
            var current = await link.CallAsync(ct => client.GetAsync(executionId, ct), cancellationToken);
            foreach (var node in current.Nodes)
            {
                var state = $"{node.Status}|{node.Attempts}|{node.Waiting}";
                if (seen.GetValueOrDefault(node.NodeId) != state)
                {
                    seen[node.NodeId] = state;
                    if (!json && node.Waiting != null) Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {node.NodeId}: {node.Waiting}");
                    else view.NodeChanged(node);
                }
                if (node.Status != NodeStatus.Pending) await PrintLogAsync(link, client, executionId, node.NodeId, view, logAfter, cancellationToken);
                if (!json && node.Status == NodeStatus.Running) await ShowProgressAsync(link, client, executionId, node.NodeId, view, feedbackAfter, cancellationToken);
            }
            if (current.Execution.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Cancelled)
                return Finish(current, view, json);
            await Task.Delay(250, cancellationToken);
        }
    }

    private static async Task PrintLogAsync(ServerLink link, ServerClient client, string executionId, string nodeId, RunView view, Dictionary<string, long> after, CancellationToken cancellationToken)
    {
        var page = await link.CallAsync(ct => client.LogAsync(executionId, nodeId, after.GetValueOrDefault(nodeId), ct), cancellationToken);
        foreach (var entry in page.Entries) view.Log(nodeId, entry.Text);
        after[nodeId] = page.Last;
    }

    // Only the newest progress report of a poll matters; the graphs and images are for the designer.
    private static async Task ShowProgressAsync(ServerLink link, ServerClient client, string executionId, string nodeId, RunView view, Dictionary<string, long> after, CancellationToken cancellationToken)
    {
        var page = await link.CallAsync(ct => client.FeedbackAsync(executionId, nodeId, after.GetValueOrDefault(nodeId), ct), cancellationToken);
        if (page.Entries.LastOrDefault(e => e.Event.Kind == ProgressReport.Kind) is { } newest) view.Feedback(nodeId, newest.Event);
        after[nodeId] = page.Last;
    }

    private static int Finish(ExecutionView current, RunView view, bool json)
    {
        view.Flush();
        var execution = current.Execution;
        if (json) JsonOutput.Print(new { execution.Id, execution.Project, Pipeline = execution.Pipeline.Name, execution.Status, execution.Error, current.Nodes });
        else Console.Error.WriteLine($"Execution {execution.Id} of {execution.Project}/{execution.Pipeline.Name}: {execution.Status.ToString().ToLowerInvariant()}");
        return execution.Status == ExecutionStatus.Succeeded ? 0 : 1;
    }
}
