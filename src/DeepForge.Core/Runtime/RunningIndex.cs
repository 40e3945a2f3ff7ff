using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>
/// The running executions, one small document each (its project), written with the claim and removed when the run
/// ends: servers looking every few seconds for runs to take over read these instead of every execution ever stored.
/// </summary>
internal static class RunningIndex
{
    public static DocumentWrite Write(DeepForgeStore store, ExecutionRecord execution) =>
        new(Collections.RunningExecutions, execution.Id, null, Data.Json.Serialize(execution.Project), null);

    public static Task RemoveAsync(DeepForgeStore store, string executionId, CancellationToken cancellationToken) =>
        store.Documents.DeleteAsync(Collections.RunningExecutions, executionId, cancellationToken);

    /// <summary>The ids of the executions the index lists.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(DeepForgeStore store, CancellationToken cancellationToken) =>
        (await store.Documents.ListAsync(Collections.RunningExecutions, null, cancellationToken)).Select(d => d.Id).ToList();
}
