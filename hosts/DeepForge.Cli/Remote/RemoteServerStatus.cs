namespace DeepForge.Cli.Remote;

/// <summary>A server process of <see cref="RemoteStatus"/>.</summary>
internal sealed record RemoteServerStatus(string Id, string Host, int ProcessId, string Version, DateTimeOffset StartedAt, double UptimeSeconds);
