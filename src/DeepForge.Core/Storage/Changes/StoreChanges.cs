namespace DeepForge.Storage;

/// <summary>
/// Names the change a store write makes, from the collection (or stream), id and partition alone, so that every
/// store tells the same changes without reading anything back.
/// </summary>
public static class StoreChanges
{
    /// <summary>The change of writing or deleting a document; null for writes nobody shows (health probes).</summary>
    public static StoreChange? OfDocument(string collection, string id, string? partition) => collection switch
    {
        Collections.Health => null,
        Collections.Projects => new StoreChange(ChangeKind.Project, id, id, collection),
        Collections.Executions => new StoreChange(ChangeKind.Execution, id, partition, collection),
        // Partitioned by execution: a node's state, its checkpoint, the index of its newest job.
        Collections.Nodes or Collections.Checkpoints or Collections.NodeJobs when partition != null =>
            new StoreChange(ChangeKind.Execution, partition, null, collection),
        Collections.Artifacts => new StoreChange(ChangeKind.Artifact, id, partition, collection),
        Collections.Jobs => new StoreChange(ChangeKind.Job, id, null, collection),
        _ => new StoreChange(ChangeKind.Other, id, partition, collection),
    };

    /// <summary>The change of appending to (or deleting) a stream: a node's log or feedback is its execution's change.</summary>
    public static StoreChange OfStream(string stream)
    {
        var parts = stream.Split('/');
        return parts.Length >= 2 && parts[0] is "log" or "feedback" && parts[1].Length > 0
            ? new StoreChange(ChangeKind.Execution, parts[1], null, stream)
            : new StoreChange(ChangeKind.Other, stream, null, stream);
    }
}
