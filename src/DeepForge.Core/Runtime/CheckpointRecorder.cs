using DeepForge.Blobs;
using DeepForge.Feedback;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Passes a job's log and feedback on, and records each checkpoint it reports for the node before the operation goes
/// on (the operation waits for it: a checkpoint it was told about survives a crash right after).
/// </summary>
internal sealed class CheckpointRecorder(IFeedbackSink inner, IDocumentStore documents, IBlobStore blobs, string executionId, string nodeId) : IFeedbackSink
{
    public void Log(string text) => inner.Log(text);

    public void Feedback(FeedbackEvent feedbackEvent)
    {
        if (feedbackEvent.Kind != CheckpointReport.Kind)
        {
            inner.Feedback(feedbackEvent);
            return;
        }
        NodeCheckpoints.RecordAsync(documents, blobs, executionId, nodeId, [feedbackEvent], inner.Log, CancellationToken.None).GetAwaiter().GetResult();
    }
}
