using System.Collections.Concurrent;

namespace DeepForge.Runtime;

/// <summary>
/// The executions this process is running now. Process-wide on purpose: ownership of an execution is
/// recorded per process (ExecutionOwner), so a server started again inside the same process (an app
/// that restarts its host, a test) must tell its own live runs from those a stopped host left behind.
/// </summary>
internal static class ProcessRuns
{
    private static readonly ConcurrentDictionary<string, byte> Running = new();

    public static bool TryAdd(string executionId) => Running.TryAdd(executionId, 0);

    public static bool Contains(string executionId) => Running.ContainsKey(executionId);

    public static void Remove(string executionId) => Running.TryRemove(executionId, out _);
}
