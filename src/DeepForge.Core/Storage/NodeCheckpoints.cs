using DeepForge.Blobs;
using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Storage;

/// <summary>
/// The last checkpoint of each running node, one document per node (keyed as its record, partitioned by execution):
/// written when a job reports one, whichever runner ran it (this process, or a worker through the queue), read when
/// the node's job runs again, and gone when the node succeeds or the execution is deleted. Its blob counts as used
/// while the document is there, so checkpoints are collected with their job and not kept forever.
/// </summary>
public static class NodeCheckpoints
{
    /// <summary>The checkpoints collection of <paramref name="documents"/>.</summary>
    public static DocumentCollection<OutputValue> Of(IDocumentStore documents) => new(documents, Collections.Checkpoints);

    /// <summary>Records the checkpoints among <paramref name="feedback"/> and returns the rest, the events to store as feedback.</summary>
    public static async Task<IReadOnlyList<FeedbackEvent>> RecordAsync(IDocumentStore documents, IBlobStore blobs, string executionId, string nodeId,
        IReadOnlyList<FeedbackEvent> feedback, Action<string> log, CancellationToken cancellationToken)
    {
        if (!feedback.Any(e => e.Kind == CheckpointReport.Kind)) return feedback;
        // Only the newest counts: a batch can hold several when reports were held up.
        if (feedback.Select(CheckpointReport.From).OfType<OutputValue>().LastOrDefault() is { } checkpoint)
        {
            // A worker uploads the blob before it reports it; one that could not leaves the node on its last checkpoint.
            if (await blobs.ExistsAsync(checkpoint.Hash, cancellationToken))
                await Of(documents).PutAsync(NodeRecord.Key(executionId, nodeId), executionId, checkpoint, null, cancellationToken);
            else
                log($"\ncheckpoint {checkpoint.Hash[..12]} was reported but its blob is not here; the last checkpoint stays\n");
        }
        return feedback.Where(e => e.Kind != CheckpointReport.Kind).ToList();
    }

    /// <summary>The node's last checkpoint whose blob is still here, or null.</summary>
    public static async Task<OutputValue?> LastAsync(IDocumentStore documents, IBlobStore blobs, string executionId, string nodeId, CancellationToken cancellationToken) =>
        (await Of(documents).GetAsync(NodeRecord.Key(executionId, nodeId), cancellationToken))?.Value is { } last && await blobs.ExistsAsync(last.Hash, cancellationToken) ? last : null;

    /// <summary>Forgets the node's checkpoint (it succeeded, or its execution is deleted); false when it had none.</summary>
    public static Task<bool> DeleteAsync(IDocumentStore documents, string executionId, string nodeId, CancellationToken cancellationToken) =>
        Of(documents).DeleteAsync(NodeRecord.Key(executionId, nodeId), cancellationToken);
}
