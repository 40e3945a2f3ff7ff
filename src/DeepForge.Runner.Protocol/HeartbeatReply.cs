namespace DeepForge.Runner.Protocol;

/// <summary>The server's answer to a heartbeat: whether to cancel the job, and how long the lease now lasts.</summary>
/// <param name="Cancel">True when the job was cancelled: the worker stops it and reports it failed.</param>
/// <param name="LeaseSeconds">How long the lease lasts without another heartbeat.</param>
public sealed record HeartbeatReply(bool Cancel, int LeaseSeconds);
