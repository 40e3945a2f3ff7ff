namespace DeepForge.Runtime;

/// <summary>
/// This process lost an execution's lease (it was paused, or could not reach the store, for longer than the lease) and
/// another took the execution over: this process stopped its run and wrote nothing more to it; the new owner runs it on.
/// </summary>
public sealed class ExecutionLeaseLostException : IOException
{
    /// <summary>The execution and who holds it now.</summary>
    public ExecutionLeaseLostException(string executionId, string? holder)
        : base($"execution '{executionId}' was taken over{(holder != null ? $" by {holder}" : "")}: this process lost its lease " +
               "(it was paused or could not reach the store for longer than the lease) and stopped its run; the new owner runs it on")
        => ExecutionId = executionId;

    /// <summary>The execution.</summary>
    public string ExecutionId { get; }
}
