using System.Text.Json;

namespace DeepForge.Storage;

/// <summary>
/// Where the job queue (DeepForge.Dispatch) keeps its jobs in the store, so deleting an execution removes its
/// jobs without Core knowing the queue: active jobs sit in two small partitions a lease request scans, finished
/// ones in one partition per execution, and the newest job of each node is indexed in the execution's partition.
/// </summary>
public static class JobDocuments
{
    /// <summary>The partition of jobs waiting for a worker.</summary>
    public const string QueuedPartition = "queued";
    /// <summary>The partition of jobs a worker holds.</summary>
    public const string LeasedPartition = "leased";

    /// <summary>The partition of an execution's finished jobs.</summary>
    public static string DonePartition(string executionId) => $"done:{executionId}";

    /// <summary>Removes every job of an execution and its newest-job index, and no other execution's.</summary>
    public static async Task DeleteOfExecutionAsync(IDocumentStore documents, string executionId, CancellationToken cancellationToken)
    {
        foreach (var job in await documents.ListAsync(Collections.Jobs, DonePartition(executionId), cancellationToken))
            await documents.DeleteAsync(Collections.Jobs, job.Id, cancellationToken);
        foreach (var partition in new[] { QueuedPartition, LeasedPartition })
            foreach (var job in await documents.ListAsync(Collections.Jobs, partition, cancellationToken))
                if (ExecutionOf(job.Json) == executionId) await documents.DeleteAsync(Collections.Jobs, job.Id, cancellationToken);
        foreach (var index in await documents.ListAsync(Collections.NodeJobs, executionId, cancellationToken))
            await documents.DeleteAsync(Collections.NodeJobs, index.Id, cancellationToken);
    }

    // Read from the stored JSON (the job record's executionId), so Core needs no type of the queue.
    private static string? ExecutionOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("executionId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
