using DeepForge.Storage;

namespace DeepForge.Dispatch;

/// <summary>The jobs collection: reads, and changes that are written only when no other writer came between.</summary>
internal sealed class JobStore(IDocumentStore documents)
{
    private readonly DocumentCollection<JobRecord> _jobs = new(documents, Collections.Jobs);

    // The newest job of each node, so finding it costs one read however many jobs the execution has had.
    private readonly DocumentCollection<string> _newestOfNode = new(documents, Collections.NodeJobs);

    public async Task<JobRecord?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        (await _jobs.GetAsync(jobId, cancellationToken))?.Value;

    public async Task CreateAsync(JobRecord job, CancellationToken cancellationToken)
    {
        if (!await TryCreateAsync(job, null, cancellationToken)) throw new InvalidOperationException($"job id {job.Id} is taken");
    }

    /// <summary>
    /// Stores a new job as its node's newest, in one transaction with the node's pointer to it; with <paramref name="newestVersion"/>
    /// (from <see cref="NewestOfNodeVersionedAsync"/>) only while the node has had no newer job since. False: nothing was written.
    /// </summary>
    public Task<bool> TryCreateAsync(JobRecord job, long? newestVersion, CancellationToken cancellationToken) =>
        documents.PutManyAsync([
            _jobs.Write(job.Id, job.Partition, job, 0),
            _newestOfNode.Write(NodeKey(job.ExecutionId, job.NodeId), job.ExecutionId, job.Id, newestVersion)], cancellationToken);

    /// <summary>The newest job of a node of an execution, in any state, or null.</summary>
    public async Task<JobRecord?> NewestOfNodeAsync(string executionId, string nodeId, CancellationToken cancellationToken) =>
        (await NewestOfNodeVersionedAsync(executionId, nodeId, cancellationToken)).Job;

    /// <summary>The newest job of a node (null when there is none) and the version of the node's pointer to it (0: the node never had one).</summary>
    public async Task<(JobRecord? Job, long Version)> NewestOfNodeVersionedAsync(string executionId, string nodeId, CancellationToken cancellationToken) =>
        await _newestOfNode.GetAsync(NodeKey(executionId, nodeId), cancellationToken) is { } pointer
            ? (await GetAsync(pointer.Value, cancellationToken), pointer.Version)
            : (null, 0);

    private static string NodeKey(string executionId, string nodeId) => $"{executionId}/{nodeId}";

    public Task<IReadOnlyList<JobRecord>> QueuedAsync(CancellationToken cancellationToken) => _jobs.ListAsync(JobDocuments.QueuedPartition, cancellationToken);

    public Task<IReadOnlyList<JobRecord>> LeasedAsync(CancellationToken cancellationToken) => _jobs.ListAsync(JobDocuments.LeasedPartition, cancellationToken);

    public async Task<IReadOnlyList<JobRecord>> ActiveAsync(CancellationToken cancellationToken) =>
        [.. await QueuedAsync(cancellationToken), .. await LeasedAsync(cancellationToken)];

    /// <summary>Every job of an execution, oldest first.</summary>
    public async Task<IReadOnlyList<JobRecord>> OfExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        var done = await _jobs.ListAsync(JobDocuments.DonePartition(executionId), cancellationToken);
        var active = (await ActiveAsync(cancellationToken)).Where(j => j.ExecutionId == executionId);
        return done.Concat(active).OrderBy(j => j.EnqueuedAt).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Reads the job, lets <paramref name="change"/> change it (returning false to leave it as it is) and
    /// writes it back under the version it was read at, trying again from a fresh read when another
    /// writer came between. Returns the job as last seen, null when there is none, and whether it was written.
    /// </summary>
    public async Task<(JobRecord? Job, bool Written)> UpdateAsync(string jobId, Func<JobRecord, bool> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await _jobs.GetAsync(jobId, cancellationToken);
            if (current == null) return (null, false);
            if (!change(current.Value)) return (current.Value, false);
            if (await _jobs.PutAsync(jobId, current.Value.Partition, current.Value, current.Version, cancellationToken) != null)
                return (current.Value, true);
        }
    }
}
