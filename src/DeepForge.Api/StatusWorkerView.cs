namespace DeepForge.Api;

/// <summary>A connected worker: its labels, when it was last heard from, and the jobs it runs now.</summary>
public sealed record StatusWorkerView(string Id, IReadOnlyList<string> Labels, string? Host, int Slots, DateTimeOffset LastSeen, IReadOnlyList<StatusJobView> Jobs);
