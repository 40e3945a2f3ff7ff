namespace DeepForge.Models;

/// <summary>The process running an execution; when it is gone the execution shows as interrupted.</summary>
public sealed record ExecutionOwner(string Host, int ProcessId, DateTimeOffset ProcessStartedAt);
