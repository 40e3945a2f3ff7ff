namespace DeepForge.Cli.Remote;

/// <summary>A deployment as <c>GET /api/v1/status</c> answers it: servers, connected workers and the queue.</summary>
internal sealed record RemoteStatus(IReadOnlyList<RemoteServerStatus> Servers, IReadOnlyList<RemoteWorkerStatus> Workers, RemoteQueueStatus Queue);
