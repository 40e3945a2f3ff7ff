using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// Takes an execution to run: refused while another live process holds it; otherwise one compare-and-set on its
/// record makes this process the holder under the next epoch, so of two servers taking an execution over at once, one
/// wins and the other sees it held.
/// </summary>
internal static class ExecutionClaim
{
    /// <summary>The fence of this run's claim, or null when the execution has succeeded already (nothing to run).</summary>
    public static async Task<ExecutionFence?> ClaimAsync(DeepForgeStore store, string executionId, LeaseSettings settings, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await store.Executions.GetAsync(executionId, cancellationToken)
                ?? throw new DeepForgeException($"execution '{executionId}'", $"there is no execution '{executionId}'");
            if (current.Value.Status == ExecutionStatus.Succeeded) return null;
            var now = DateTimeOffset.UtcNow;
            if (ExecutionOwnership.IsHeldByOther(current.Value, settings.Holder, now))
                throw new DeepForgeException($"execution '{executionId}'", $"execution '{executionId}' is running {ExecutionOwnership.Describe(current.Value)}");
            var next = Claimed(current.Value, settings, now);
            if (await store.Documents.PutManyAsync([
                    store.Executions.Write(executionId, next.Project, next, current.Version),
                    RunningIndex.Write(store, next)], cancellationToken))
                return new ExecutionFence(store, settings, next, current.Version + 1);
            // Another writer came between: look again (it may be another server that took it).
        }
    }

    private static ExecutionRecord Claimed(ExecutionRecord stored, LeaseSettings settings, DateTimeOffset now)
    {
        var next = Json.Deserialize<ExecutionRecord>(Json.Serialize(stored));
        next.Status = ExecutionStatus.Running;
        next.Owner = ProcessIdentity.Current;
        next.Lease = new ExecutionLease(settings.Holder, (stored.Lease?.Epoch ?? 0) + 1, now + settings.Duration);
        next.CancelRequested = false;
        next.FinishedAt = null;
        next.Error = null;
        return next;
    }
}
