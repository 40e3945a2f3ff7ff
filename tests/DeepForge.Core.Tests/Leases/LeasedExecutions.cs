using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests.Leases;

/// <summary>Executions left as servers on other machines leave them: stored Running under a lease of another holder.</summary>
internal static class LeasedExecutions
{
    /// <summary>A process on another machine (its liveness cannot be checked here: only its lease counts).</summary>
    public static readonly ExecutionOwner Elsewhere = new("another-machine", 4242, DateTimeOffset.UtcNow.AddHours(-1));

    /// <summary>A stored, not yet run execution of a short chain.</summary>
    public static async Task<ExecutionRecord> CreateAsync(TestEngine df)
    {
        await df.Engine.Projects.SaveAsync(Create(Chain(count: 2)));
        return await df.Engine.Executions.CreateAsync("test", "main", new RunOptions { UseCache = false });
    }

    /// <summary>Marks the execution Running under <paramref name="holder"/>'s lease, ending at <paramref name="expiresAt"/>, on another machine.</summary>
    public static Task HoldAsync(TestEngine df, string executionId, string holder, DateTimeOffset expiresAt, long epoch = 1) =>
        df.Store.Executions.UpdateAsync(executionId, "test", e =>
        {
            (e.Status, e.Owner, e.Lease) = (ExecutionStatus.Running, Elsewhere, new ExecutionLease(holder, epoch, expiresAt));
            return e;
        }, default);

    /// <summary>How a server as <paramref name="holder"/> holds executions, with a lease of <paramref name="duration"/>.</summary>
    public static LeaseSettings Server(string holder, TimeSpan? duration = null) =>
        new(holder, duration ?? TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
}
