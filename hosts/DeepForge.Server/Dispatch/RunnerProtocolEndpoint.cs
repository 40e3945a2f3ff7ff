namespace DeepForge.Server.Dispatch;

/// <summary>Marks an endpoint of the runner protocol: it needs the protocol version header and a worker token (and the OpenAPI document says so).</summary>
internal sealed class RunnerProtocolEndpoint;
