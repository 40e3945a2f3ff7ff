namespace DeepForge.Api;

/// <summary>The answer of <c>GET /api/v1/status</c>: servers, connected workers and the queue.</summary>
public sealed record StatusView(IReadOnlyList<StatusServerView> Servers, IReadOnlyList<StatusWorkerView> Workers, StatusQueueView Queue);
