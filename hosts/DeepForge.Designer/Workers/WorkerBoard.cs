using DeepForge.Dispatch;
using DeepForge.Storage;

namespace DeepForge.Designer.Workers;

/// <summary>
/// Reads the workers and the job queue from the store, as GET /api/v1/runners does, so every server on the
/// store shows the same: workers heard from lately (alive first), the jobs each holds, and the queued jobs.
/// </summary>
internal sealed class WorkerBoard(DeepForgeStore store, JobQueue queue)
{
    /// <summary>How long a worker that stopped being heard from stays on the page, marked lost.</summary>
    public static readonly TimeSpan ShowLostFor = TimeSpan.FromHours(1);

    private readonly DocumentCollection<RunnerRecord> _runners = new(store.Documents, Collections.Runners);

    public async Task<WorkerSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var aliveSince = now - queue.Options.RunnerTimeout;
        var runners = (await _runners.ListAsync(null, cancellationToken)).Where(r => r.LastSeen >= now - ShowLostFor).ToList();
        var held = (await queue.LeasedAsync(cancellationToken)).ToLookup(j => j.RunnerId ?? "");
        var workers = runners
            .Select(r => new WorkerRow(r, r.LastSeen >= aliveSince, held[r.Id].OrderBy(j => j.LeasedAt).ToList()))
            .OrderByDescending(w => w.Alive).ThenBy(w => w.Runner.Id, StringComparer.Ordinal).ToList();
        // A job can be held by a worker whose record is older than the hour shown: it still appears, under its id.
        foreach (var orphan in held.Where(g => runners.All(r => r.Id != g.Key)))
            workers.Add(new WorkerRow(new RunnerRecord { Id = orphan.Key }, false, orphan.ToList()));
        var alive = runners.Where(r => r.LastSeen >= aliveSince).ToList();
        var waiting = (await queue.QueuedAsync(cancellationToken)).OrderBy(j => j.EnqueuedAt)
            .Select(j => new WaitingJob(j, JobQueue.WaitingMessage(j, alive))).ToList();
        return new WorkerSnapshot(workers, waiting, now);
    }
}
