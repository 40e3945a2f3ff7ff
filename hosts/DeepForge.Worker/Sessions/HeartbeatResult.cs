using DeepForge.Client;

namespace DeepForge.Worker.Sessions;

/// <summary>How one heartbeat went, and why when it failed.</summary>
internal readonly record struct HeartbeatResult(HeartbeatKind Kind, DeepForgeApiException? Error = null);
