namespace DeepForge.Api;

/// <summary>A server process: where it runs, its version, and since when.</summary>
public sealed record StatusServerView(string Id, string Host, int ProcessId, string Version, DateTimeOffset StartedAt, double UptimeSeconds);
