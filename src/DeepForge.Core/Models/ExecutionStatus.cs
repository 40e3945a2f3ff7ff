
namespace DeepForge.Models;

/// <summary>Where an execution stands. <see cref="Interrupted"/> is shown for a running execution whose owner process is gone.</summary>
public enum ExecutionStatus
{
    /// <summary>Created, not started.</summary>
    Pending,
    /// <summary>Operations are running or waiting for inputs.</summary>
    Running,
    /// <summary>Every operation finished.</summary>
    Succeeded,
    /// <summary>An operation failed after its retries.</summary>
    Failed,
    /// <summary>Cancelled by a user.</summary>
    Cancelled,
    /// <summary>The process that ran it stopped; <c>resume</c> continues it.</summary>
    Interrupted,
}
