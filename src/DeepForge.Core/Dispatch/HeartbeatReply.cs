namespace DeepForge.Dispatch;

/// <summary>The server's answer to a heartbeat: whether to cancel the job, and how long the lease now lasts.</summary>
internal sealed record HeartbeatReply(bool Cancel, int LeaseSeconds);
