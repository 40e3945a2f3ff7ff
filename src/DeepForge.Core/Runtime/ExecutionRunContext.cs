namespace DeepForge.Runtime;

/// <summary>
/// What a job runner may ask about the execution run it works for. A runner stopped because the run lost its lease to
/// another server leaves its job alone: the new owner takes the very job up instead of queueing another.
/// </summary>
public static class ExecutionRunContext
{
    private static readonly AsyncLocal<ExecutionFence?> Fence = new();

    /// <summary>Whether the execution run this code works for has lost its lease to another process.</summary>
    public static bool LeaseLost => Fence.Value?.IsLost == true;

    internal static void Enter(ExecutionFence fence) => Fence.Value = fence;
}
