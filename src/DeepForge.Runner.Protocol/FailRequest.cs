namespace DeepForge.Runner.Protocol;

/// <summary>A job failed: a one-line message naming the operation, and details (the exception) for the log.</summary>
/// <param name="LeaseToken">The token of the lease the worker holds the job with.</param>
/// <param name="Error">One line that names the operation and what went wrong.</param>
/// <param name="Details">The exception or more for the log.</param>
public sealed record FailRequest(string LeaseToken, string Error, string? Details = null);
