using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Runs one node of an execution: an Output node saves an artifact; an operation node reuses a cached result or runs as a
/// job, with bounded retries. Every write of the node's record goes through the run's <see cref="ExecutionFence"/>, so a
/// process that lost the execution to another writes nothing more.
/// </summary>
internal sealed class NodeRunner(DeepForgeStore store, IBlobStore blobs, IJobRunner jobs, CatalogProvider catalogs, TimeSpan flushInterval, IExecutionObserver? observer)
{
    public async Task<NodeRecord> RunAsync(ExecutionFence fence, NodeRecord record, Dictionary<string, OutputValue> inputs, CancellationToken cancellationToken)
    {
        var execution = fence.Execution;
        var node = execution.Pipeline.FindNode(record.NodeId)!;
        try
        {
            if (node.Kind == NodeKind.Output) return await SaveArtifactAsync(fence, node, record, inputs, cancellationToken);
            return await RunOperationAsync(fence, node, record, inputs, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await TransitionAsync(fence, record, NodeStatus.Cancelled, null, CancellationToken.None);
        }
    }

    private async Task<NodeRecord> SaveArtifactAsync(ExecutionFence fence, PipelineNode node, NodeRecord record, Dictionary<string, OutputValue> inputs, CancellationToken cancellationToken)
    {
        var execution = fence.Execution;
        var value = inputs[PipelineNode.DataPort];
        var artifact = new ArtifactRecord
        {
            Id = $"{execution.Id}-{node.Id}", Project = execution.Project, Name = node.Artifact!, DataType = value.DataType,
            Hash = value.Hash, Size = value.Size, ExecutionId = execution.Id, NodeId = node.Id, CreatedAt = DateTimeOffset.UtcNow,
        };
        record.Status = NodeStatus.Succeeded;
        record.Attempts++;
        record.StartedAt = record.FinishedAt = artifact.CreatedAt;
        record.Outputs[PipelineNode.DataPort] = value;
        // The artifact id is fixed per execution and node, so saving again after a crash replaces rather than duplicates.
        await fence.WriteAsync([
            store.Artifacts.Write(artifact.Id, artifact.Project, artifact, null),
            store.Nodes.Write(NodeRecord.Key(record.ExecutionId, record.NodeId), record.ExecutionId, record, null)], cancellationToken);
        observer?.NodeChanged(record);
        return record;
    }

    private async Task<NodeRecord> RunOperationAsync(ExecutionFence fence, PipelineNode node, NodeRecord record, Dictionary<string, OutputValue> inputs, CancellationToken cancellationToken)
    {
        var execution = fence.Execution;
        // Held until the node is done, so the in-process job below runs on this same load of the project's code.
        using var lease = execution.AssemblyBlob != null
            ? await catalogs.ForAssemblyBlobAsync(execution.SourceHash, execution.AssemblyBlob, cancellationToken)
            : await catalogs.ForAsync([], cancellationToken);
        var catalog = lease.Catalog;
        var operation = catalog.Find(node.Operation!)
            ?? throw new DeepForgeException($"node '{node.Id}'", $"node '{node.Id}': unknown operation '{node.Operation}'");
        var job = BuildJob(execution, node, operation, record, inputs);
        var cache = CacheKeys.Describe(job, operation, execution.OperationCode?.GetValueOrDefault(operation.Name));
        var cacheable = execution.UseCache && operation.Descriptor.Cacheable;
        if (cacheable && await TryReuseAsync(fence, node, record, cache, cancellationToken) is { } reused) return reused;
        record.CacheKey = cache.Key;
        record.CacheMissReason = cacheable ? CacheKeys.MissReason((await store.CacheLatest.GetAsync(LatestKey(execution, node), cancellationToken))?.Value, cache)
            : execution.UseCache ? $"operation '{operation.Name}' is not cacheable" : "cache turned off for this run";
        while (true)
        {
            record = await TransitionAsync(fence, record, NodeStatus.Running, null, cancellationToken);
            var checkpoint = await NodeCheckpoints.LastAsync(store.Documents, blobs, execution.Id, node.Id, cancellationToken);
            var result = await RunJobAsync(job with { Attempt = record.Attempts, Checkpoint = checkpoint }, cancellationToken);
            if (result.Outputs != null) return await SucceedAsync(fence, node, record, cache, result.Outputs, cancellationToken);
            if (record.Attempts > node.Retries) return await TransitionAsync(fence, record, NodeStatus.Failed, result.Error, cancellationToken);
        }
    }

    private async Task<(IReadOnlyDictionary<string, OutputValue>? Outputs, string? Error)> RunJobAsync(JobSpec job, CancellationToken cancellationToken)
    {
        await using var sink = new StreamingSink(store.Documents, job.ExecutionId, job.NodeId, flushInterval, observer);
        if (job.Attempt > 1) sink.Log(AttemptSeparator(job.Attempt));
        var checkpoints = new CheckpointRecorder(sink, store.Documents, blobs, job.ExecutionId, job.NodeId);
        try
        {
            var outputs = await jobs.RunAsync(job, checkpoints, cancellationToken);
            await checkpoints.FlushAsync();
            return (outputs, null);
        }
        catch (JobFailedException e)
        {
            sink.Log($"\n{e.Details}\n");
            return (null, e.Message);
        }
        catch (DeepForgeException e)
        {
            sink.Log($"\n{e.Message}\n");
            return (null, e.Message);
        }
    }

    /// <summary>The line that sets a node's next attempt apart from the last in its log.</summary>
    internal static string AttemptSeparator(int attempt) => JobLogs.AttemptSeparator(attempt);

    private async Task<NodeRecord?> TryReuseAsync(ExecutionFence fence, PipelineNode node, NodeRecord record, CacheEntry cache, CancellationToken cancellationToken)
    {
        var execution = fence.Execution;
        var hit = (await store.Cache.GetAsync(cache.Key, cancellationToken))?.Value;
        if (hit == null || !await AllStoredAsync(hit.Outputs.Values, cancellationToken)) return null;
        record.FromCache = true;
        record.CacheKey = cache.Key;
        record.CacheMissReason = null;
        (record.ReusedExecution, record.ReusedNode) = (hit.ExecutionId, hit.NodeId);
        record.Outputs = hit.Outputs;
        record.Attempts++;
        record.StartedAt = DateTimeOffset.UtcNow;
        await store.Documents.AppendAsync(Collections.LogStream(execution.Id, node.Id), [$"Reused the outputs of an earlier identical run (cache key {cache.Key[..12]}).\n"], cancellationToken);
        return await TransitionAsync(fence, record, NodeStatus.Succeeded, null, cancellationToken);
    }

    private async Task<bool> AllStoredAsync(IEnumerable<OutputValue> outputs, CancellationToken cancellationToken)
    {
        foreach (var output in outputs)
            if (!await blobs.ExistsAsync(output.Hash, cancellationToken)) return false;
        return true;
    }

    private async Task<NodeRecord> SucceedAsync(ExecutionFence fence, PipelineNode node, NodeRecord record, CacheEntry cache, IReadOnlyDictionary<string, OutputValue> outputs, CancellationToken cancellationToken)
    {
        var execution = fence.Execution;
        record.Status = NodeStatus.Succeeded;
        record.FinishedAt = DateTimeOffset.UtcNow;
        record.Outputs = outputs.ToDictionary();
        var entry = cache with { Outputs = record.Outputs, ExecutionId = record.ExecutionId, NodeId = record.NodeId };
        await fence.WriteAsync([
            store.Nodes.Write(NodeRecord.Key(record.ExecutionId, record.NodeId), record.ExecutionId, record, null),
            store.Cache.Write(cache.Key, null, entry, null),
            store.CacheLatest.Write(LatestKey(execution, node), execution.Project, entry, null)], cancellationToken);
        // Done with: its blob is collected with the other unreferenced ones.
        await NodeCheckpoints.DeleteAsync(store.Documents, execution.Id, node.Id, cancellationToken);
        observer?.NodeChanged(record);
        return record;
    }

    private async Task<NodeRecord> TransitionAsync(ExecutionFence fence, NodeRecord record, NodeStatus status, string? error, CancellationToken cancellationToken)
    {
        record.Status = status;
        record.Error = error;
        if (status == NodeStatus.Running) { record.Attempts++; record.StartedAt = DateTimeOffset.UtcNow; record.FinishedAt = null; }
        else record.FinishedAt = DateTimeOffset.UtcNow;
        await fence.WriteAsync([store.Nodes.Write(NodeRecord.Key(record.ExecutionId, record.NodeId), record.ExecutionId, record, null)], cancellationToken);
        observer?.NodeChanged(record);
        return record;
    }

    private static JobSpec BuildJob(ExecutionRecord execution, PipelineNode node, OperationType operation, NodeRecord record, Dictionary<string, OutputValue> inputs) => new()
    {
        ExecutionId = execution.Id, NodeId = node.Id, Attempt = record.Attempts + 1, Operation = operation.Name,
        SourceHash = execution.SourceHash, AssemblyBlob = execution.AssemblyBlob,
        Attributes = node.Attributes, References = node.References, Architectures = execution.Architectures, Inputs = inputs,
        Labels = operation.Descriptor.Labels.Concat(node.Labels).Distinct().ToList(),
        DeclaredOutputs = operation.Descriptor.Outputs.Select(o => o.Name).ToList(),
    };

    private static string LatestKey(ExecutionRecord execution, PipelineNode node) => $"{execution.Project}/{execution.Pipeline.Name}/{node.Id}";
}
