using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Cli.Logs;

/// <summary>Reads an execution from this machine's data folder.</summary>
internal sealed class LocalExecutionSource(DeepForgeEngine engine) : IExecutionSource
{
    public async Task<(ExecutionRecord Execution, IReadOnlyList<NodeRecord> Nodes)> ReadAsync(string executionId, CancellationToken cancellationToken) =>
        (await engine.Executions.GetAsync(executionId, cancellationToken), await engine.Executions.NodesAsync(executionId, cancellationToken));

    public async Task<(IReadOnlyList<string> Texts, long Last)> LogAfterAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken)
    {
        var entries = await engine.Executions.LogAfterAsync(executionId, nodeId, after, cancellationToken: cancellationToken);
        return (entries.Select(e => e.Text).ToList(), entries.Count > 0 ? entries[^1].Sequence : after);
    }

    public async Task<(IReadOnlyList<FeedbackEvent> Events, long Last)> FeedbackAfterAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken)
    {
        var entries = await engine.Executions.FeedbackAfterAsync(executionId, nodeId, after, cancellationToken: cancellationToken);
        return (entries.Select(e => e.Event).ToList(), entries.Count > 0 ? entries[^1].Sequence : after);
    }

    public void Dispose() { }
}
