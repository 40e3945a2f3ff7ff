using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Cli.Logs;

/// <summary>Where <c>log</c> reads an execution from: this machine's data folder or a server.</summary>
internal interface IExecutionSource : IDisposable
{
    Task<(ExecutionRecord Execution, IReadOnlyList<NodeRecord> Nodes)> ReadAsync(string executionId, CancellationToken cancellationToken);

    /// <summary>Log text after a sequence number and the last sequence read.</summary>
    Task<(IReadOnlyList<string> Texts, long Last)> LogAfterAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken);

    /// <summary>Feedback events after a sequence number and the last sequence read.</summary>
    Task<(IReadOnlyList<FeedbackEvent> Events, long Last)> FeedbackAfterAsync(string executionId, string nodeId, long after, CancellationToken cancellationToken);
}
