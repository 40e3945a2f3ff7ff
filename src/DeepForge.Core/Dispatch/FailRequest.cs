namespace DeepForge.Dispatch;

/// <summary>A job failed: a one-line message naming the operation, and details (the exception) for the log.</summary>
internal sealed record FailRequest(string LeaseToken, string Error, string? Details = null);
