using DeepForge.Data;
using DeepForge.Dispatch;
using DeepForge.Hosting;
using DeepForge.Models;
using DeepForge.Storage;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Retention;

/// <summary>
/// Removes what the store need not keep forever: the job records of executions finished longer ago than
/// <see cref="DeepForgeServerOptions.JobRecordRetention"/> (the execution, its nodes and outputs stay), and, when
/// <see cref="DeepForgeServerOptions.ExecutionLogRetention"/> is set, the log and feedback of executions finished longer
/// ago than that. It deletes in small batches with a pause between, so the server's own writes go on meanwhile, and
/// never touches an execution that has not finished (pending, running, or interrupted and waiting for resume).
/// </summary>
internal sealed class StorePruner(DeepForgeStore store, IOptions<DeepForgeServerOptions> options)
{
    private const int BatchSize = 50;
    private static readonly TimeSpan BatchPause = TimeSpan.FromMilliseconds(50);

    public async Task<PruneResult> PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var jobs = options.Value.JobRecordRetention is { } keepJobs ? await PruneJobsAsync(now - keepJobs, cancellationToken) : 0;
        var logs = options.Value.ExecutionLogRetention is { } keepLogs ? await PruneLogsAsync(now - keepLogs, cancellationToken) : 0;
        return new PruneResult(jobs, logs);
    }

    // Job records are few once pruning runs: those of the last retention period, and the active ones.
    private async Task<int> PruneJobsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var all = (await store.Documents.ListAsync(Collections.Jobs, null, cancellationToken)).Select(d => Json.Deserialize<JobRecord>(d.Json));
        var removed = 0;
        foreach (var execution in all.GroupBy(j => j.ExecutionId))
        {
            if (!await FinishedBeforeAsync(execution.Key, cutoff, cancellationToken) || execution.Any(j => j.IsActive)) continue;
            var deletes = execution.Select(j => (Collections.Jobs, j.Id))
                .Concat((await store.Documents.ListAsync(Collections.NodeJobs, execution.Key, cancellationToken)).Select(i => (Collections.NodeJobs, i.Id)));
            foreach (var batch in deletes.Chunk(BatchSize))
            {
                foreach (var (collection, id) in batch) await store.Documents.DeleteAsync(collection, id, cancellationToken);
                await Task.Delay(BatchPause, cancellationToken);
            }
            removed += execution.Count();
        }
        return removed;
    }

    private async Task<int> PruneLogsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var pruned = 0;
        var finished = (await store.Executions.ListAsync(null, cancellationToken)).Where(e => Finished(e, cutoff)).ToList();
        foreach (var batch in finished.Chunk(BatchSize))
        {
            foreach (var execution in batch)
            {
                await store.Documents.DeleteStreamsAsync(Collections.LogStream(execution.Id, ""), cancellationToken);
                await store.Documents.DeleteStreamsAsync(Collections.FeedbackStream(execution.Id, ""), cancellationToken);
            }
            pruned += batch.Length;
            await Task.Delay(BatchPause, cancellationToken);
        }
        return pruned;
    }

    // An execution deleted meanwhile counts as finished: its leftover job records have nothing to serve.
    private async Task<bool> FinishedBeforeAsync(string executionId, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await store.Executions.GetAsync(executionId, cancellationToken) is not { } stored || Finished(stored.Value, cutoff);

    private static bool Finished(ExecutionRecord execution, DateTimeOffset cutoff) =>
        execution.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Cancelled
        && execution.FinishedAt is { } finished && finished < cutoff;
}
