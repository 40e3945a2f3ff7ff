namespace DeepForge.Server.Api.Status;

/// <summary>The answer of /api/v1/status.</summary>
internal sealed record StatusView(IReadOnlyList<StatusServerView> Servers, IReadOnlyList<StatusWorkerView> Workers, StatusQueueView Queue);
