using System.Collections.Concurrent;

namespace DeepForge.Runtime;

/// <summary>
/// The executions an <see cref="ExecutionRun"/> of this process holds now, however it was started (in the background,
/// by the command, by an app calling the engine). Every engine of a process shares one lease holder, so without this a
/// second engine on the same store (or the same engine's takeover scan) would take a run it saw Running under this
/// process but not started in the background, and the run would lose its own lease; and two runs of one execution in
/// one process would both claim it.
/// </summary>
internal static class RunsInThisProcess
{
    private static readonly ConcurrentDictionary<string, byte> Running = new();

    public static bool Contains(string executionId) => Running.ContainsKey(executionId);

    /// <summary>Marks the execution as run here until the result is disposed; null when a run of this process holds it already.</summary>
    public static IDisposable? Enter(string executionId) => Running.TryAdd(executionId, 0) ? new Leave(executionId) : null;

    private sealed class Leave(string executionId) : IDisposable
    {
        public void Dispose() => Running.TryRemove(executionId, out _);
    }
}
