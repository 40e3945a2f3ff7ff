using System.Diagnostics;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// Who runs an execution, and whether that process is still alive (so a killed run shows as interrupted). Across
/// machines the execution's lease decides (<see cref="ExecutionLease"/>); a process on this machine is checked directly.
/// </summary>
public static class ProcessIdentity
{
    /// <summary>This process (machine, id and start time), stored as the owner of the executions it runs.</summary>
    public static ExecutionOwner Current { get; } = Create();

    /// <summary>Whether the process that owns an execution still runs: on this machine, a process with its id and start time (so a reused id is not taken for it); on another machine, assumed alive.</summary>
    public static bool IsAlive(ExecutionOwner owner)
    {
        if (owner.Host != Environment.MachineName) return true; // another machine: assume it is, it will tell
        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            return Math.Abs((ToOffset(process.StartTime) - owner.ProcessStartedAt).TotalSeconds) < 2;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>
    /// The status as users should see it: a running execution whose owner is gone is interrupted (a crash: resume
    /// continues it), or cancelled when a person had asked to stop it before the process went (Ctrl-C twice).
    /// </summary>
    public static ExecutionStatus EffectiveStatus(ExecutionRecord execution) =>
        IsOrphaned(execution)
            ? execution.CancelRequested ? ExecutionStatus.Cancelled : ExecutionStatus.Interrupted
            : execution.Status;

    /// <summary>Stored as running, but the process that ran it is gone: its lease ran out, or its process on this machine ended.</summary>
    public static bool IsOrphaned(ExecutionRecord execution) =>
        execution.Status == ExecutionStatus.Running && !ExecutionOwnership.IsHeld(execution, DateTimeOffset.UtcNow);

    private static ExecutionOwner Create()
    {
        using var process = Process.GetCurrentProcess();
        return new ExecutionOwner(Environment.MachineName, process.Id, ToOffset(process.StartTime));
    }

    private static DateTimeOffset ToOffset(DateTime time) => new(time.ToUniversalTime(), TimeSpan.Zero);
}
