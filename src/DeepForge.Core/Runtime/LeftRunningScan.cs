using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Finds the executions stored as Running that nobody runs (their lease ran out, or their process here is gone). The
/// first look at start reads every execution (records from before the running index); later looks read the index only,
/// and drop its entries for runs that have ended (a process that died between ending a run and removing its entry).
/// </summary>
internal sealed class LeftRunningScan(DeepForgeStore store)
{
    public async Task<IReadOnlyList<ExecutionRecord>> FindAsync(bool everything, CancellationToken cancellationToken)
    {
        if (everything) return (await store.Executions.ListAsync(null, cancellationToken)).Where(BackgroundExecutions.WasLeftRunning).ToList();
        var found = new List<ExecutionRecord>();
        foreach (var id in await RunningIndex.ListAsync(store, cancellationToken))
        {
            var execution = (await store.Executions.GetAsync(id, cancellationToken))?.Value;
            if (execution is not { Status: ExecutionStatus.Running }) await DropAsync(id, cancellationToken);
            else if (BackgroundExecutions.WasLeftRunning(execution)) found.Add(execution);
        }
        return found;
    }

    private async Task DropAsync(string id, CancellationToken cancellationToken)
    {
        await RunningIndex.RemoveAsync(store, id, cancellationToken);
        // A resume may have claimed it between the look and the removal: its entry is put back.
        if ((await store.Executions.GetAsync(id, cancellationToken))?.Value is { Status: ExecutionStatus.Running } claimed)
            await store.Documents.PutManyAsync([RunningIndex.Write(store, claimed)], cancellationToken);
    }
}
