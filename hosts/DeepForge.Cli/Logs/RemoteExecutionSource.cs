using DeepForge.Cli.Remote;
using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Cli.Logs;

/// <summary>Reads an execution from a server's REST API.</summary>
internal sealed class RemoteExecutionSource(string server) : IExecutionSource
{
    private readonly ServerClient _client = new(server);

    public async Task<(ExecutionRecord Execution, IReadOnlyList<NodeRecord> Nodes)> ReadAsync(string executionId, CancellationToken cancellationToken)
    {
        var view = await _client.GetAsync(executionId, cancellationToken);
        return (view.Execution, view.Nodes);
    }

    public async Task<(IReadOnlyList<string> Texts, long Last)> LogAfterAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken)
    {
        var page = await _client.LogAsync(executionId, nodeId, after, cancellationToken);
        return (page.Entries.Select(e => e.Text).ToList(), page.Last);
    }

    public async Task<(IReadOnlyList<FeedbackEvent> Events, long Last)> FeedbackAfterAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken)
    {
        var page = await _client.FeedbackAsync(executionId, nodeId, after, cancellationToken);
        return (page.Entries.Select(e => e.Event).ToList(), page.Last);
    }

    public void Dispose() => _client.Dispose();
}
