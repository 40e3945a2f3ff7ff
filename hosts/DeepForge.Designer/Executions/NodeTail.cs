using System.Text;
using DeepForge.Runtime;

namespace DeepForge.Designer.Executions;

/// <summary>One node's log and feedback as read so far: each read asks only for what came after the last one.</summary>
public sealed class NodeTail(string executionId, string nodeId)
{
    private const int Page = 1000;
    private readonly StringBuilder _log = new();
    private long _logSequence;
    private long _feedbackSequence;
    private string? _logText;

    /// <summary>The pipeline node.</summary>
    public string NodeId { get; } = nodeId;

    /// <summary>All log text read so far.</summary>
    public string Log => _logText ??= _log.ToString();

    /// <summary>Graphs and images read so far.</summary>
    public NodeFeedback Feedback { get; } = new();

    /// <summary>Everything the node will ever write has been read (it had ended before the last read began).</summary>
    internal bool Complete { get; private set; }

    /// <summary>Reads new log text and feedback; <paramref name="ended"/> says the node had ended before this read. True when anything was new.</summary>
    internal async Task<bool> ReadAsync(ExecutionService executions, bool ended, CancellationToken cancellationToken)
    {
        var changed = false;
        while (await executions.LogAfterAsync(executionId, NodeId, _logSequence, Page, cancellationToken) is { Count: > 0 } entries)
        {
            foreach (var entry in entries) _log.Append(entry.Text);
            (_logSequence, _logText, changed) = (entries[^1].Sequence, null, true);
            if (entries.Count < Page) break;
        }
        while (await executions.FeedbackAfterAsync(executionId, NodeId, _feedbackSequence, Page, cancellationToken) is { Count: > 0 } events)
        {
            foreach (var e in events) Feedback.Apply(e.Event);
            (_feedbackSequence, changed) = (events[^1].Sequence, true);
            if (events.Count < Page) break;
        }
        Complete = ended;
        return changed;
    }
}
