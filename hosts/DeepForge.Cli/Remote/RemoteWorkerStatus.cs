namespace DeepForge.Cli.Remote;

/// <summary>A connected worker of <see cref="RemoteStatus"/> with the jobs it runs now.</summary>
internal sealed record RemoteWorkerStatus(string Id, IReadOnlyList<string> Labels, string? Host, int Slots, DateTimeOffset LastSeen, IReadOnlyList<RemoteWorkerJob> Jobs);
