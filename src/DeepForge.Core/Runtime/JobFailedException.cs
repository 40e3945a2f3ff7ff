namespace DeepForge.Runtime;

/// <summary>An operation failed: its message names the operation, and the details hold what it threw.</summary>
public sealed class JobFailedException(string message, string details, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The full description of what the operation threw, which the node's log gets after the one-line message.</summary>
    public string Details { get; } = details;
}
