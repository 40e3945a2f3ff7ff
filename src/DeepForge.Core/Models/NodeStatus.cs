
namespace DeepForge.Models;

/// <summary>Where one node of an execution stands.</summary>
public enum NodeStatus
{
    /// <summary>Waiting for its inputs.</summary>
    Pending,
    /// <summary>Running now.</summary>
    Running,
    /// <summary>Finished; its outputs are stored.</summary>
    Succeeded,
    /// <summary>Failed after its retries.</summary>
    Failed,
    /// <summary>Stopped by a cancel.</summary>
    Cancelled,
    /// <summary>Never ran because something before it failed.</summary>
    Skipped,
}
