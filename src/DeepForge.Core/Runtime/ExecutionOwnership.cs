using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// Whether somebody runs an execution now. The lease in the store is the truth (servers on other machines renew it);
/// a process on this machine that is gone is known dead at once, without waiting for its lease to run out.
/// </summary>
internal static class ExecutionOwnership
{
    /// <summary>This process as a lease holder: machine, process id and a random part, so a reused process id is another holder.</summary>
    public static string ThisProcess { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("n")[..8]}";

    /// <summary>Whether the execution is Running and a live process holds it.</summary>
    public static bool IsHeld(ExecutionRecord execution, DateTimeOffset now)
    {
        if (execution.Status != ExecutionStatus.Running) return false;
        // The one-machine fast path: the owner's process is known gone, whatever its lease says.
        if (execution.Owner is { } owner && owner.Host == Environment.MachineName && !ProcessIdentity.IsAlive(owner)) return false;
        if (execution.Lease is { } lease) return !lease.ExpiredAt(now);
        return execution.Owner is { } legacy && ProcessIdentity.IsAlive(legacy); // a record from before leases
    }

    /// <summary>Whether a live process other than <paramref name="holder"/> holds the execution, so <paramref name="holder"/> may not claim it.</summary>
    public static bool IsHeldByOther(ExecutionRecord execution, string holder, DateTimeOffset now) =>
        IsHeld(execution, now) && execution.Lease?.Holder != holder
        && !(execution.Lease == null && execution.Owner == ProcessIdentity.Current);

    /// <summary>Who holds it, in words for a refusal.</summary>
    public static string Describe(ExecutionRecord execution) =>
        execution.Lease is { } lease ? $"by {lease.Holder} (lease until {lease.ExpiresAt:HH:mm:ss} UTC)"
        : execution.Owner is { } owner ? $"in process {owner.ProcessId} on {owner.Host}" : "elsewhere";
}
