namespace DeepForge.Server.Api.Runners;

/// <summary>A connected runner: its labels, when it was last heard from, and the jobs it holds.</summary>
internal sealed record RunnerView(string Id, IReadOnlyList<string> Labels, string? Host, int Slots, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, IReadOnlyList<RunnerJobView> Jobs);
