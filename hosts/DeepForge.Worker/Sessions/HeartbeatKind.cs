namespace DeepForge.Worker.Sessions;

/// <summary>How one heartbeat went.</summary>
internal enum HeartbeatKind { Sent, Cancel, LeaseLost, Failed }
