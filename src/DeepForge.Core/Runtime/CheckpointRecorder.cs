using DeepForge.Blobs;
using DeepForge.Feedback;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Passes a job's log and feedback on, and records each checkpoint it reports for the node, one after another in the
/// order they came; the job awaits its own (<see cref="JobCheckpoints"/>), and the node awaits them all
/// (<see cref="FlushAsync"/>) before it runs the job again or goes on, so the next attempt continues from the last.
/// </summary>
internal sealed class CheckpointRecorder(IFeedbackSink inner, IDocumentStore documents, IBlobStore blobs, string executionId, string nodeId) : IFeedbackSink
{
    private readonly Lock _gate = new();
    private Task _recorded = Task.CompletedTask;

    public void Log(string text) => inner.Log(text);

    public void Feedback(FeedbackEvent feedbackEvent)
    {
        if (feedbackEvent.Kind == CheckpointReport.Kind) _ = RecordAsync(feedbackEvent, CancellationToken.None);
        else inner.Feedback(feedbackEvent);
    }

    /// <summary>Records <paramref name="checkpoint"/> after those reported before it.</summary>
    public Task RecordAsync(FeedbackEvent checkpoint, CancellationToken cancellationToken)
    {
        lock (_gate) return _recorded = RecordAfterAsync(_recorded, checkpoint, cancellationToken);
    }

    /// <summary>Every checkpoint reported so far, recorded; fails with the first that could not be.</summary>
    public Task FlushAsync()
    {
        lock (_gate) return _recorded;
    }

    private async Task RecordAfterAsync(Task previous, FeedbackEvent checkpoint, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(false);
        await NodeCheckpoints.RecordAsync(documents, blobs, executionId, nodeId, [checkpoint], inner.Log, cancellationToken).ConfigureAwait(false);
    }
}
