namespace DeepForge.Dispatch;

/// <summary>Where a job of the queue stands.</summary>
public enum JobStatus
{
    /// <summary>Waiting for a worker with its labels.</summary>
    Queued,
    /// <summary>A worker holds it under a lease that its heartbeats extend.</summary>
    Leased,
    /// <summary>Finished; its outputs are stored.</summary>
    Succeeded,
    /// <summary>The operation failed, or the job lost its worker too many times.</summary>
    Failed,
    /// <summary>Cancelled before it finished.</summary>
    Cancelled,
}
