namespace DeepForge.Api;

/// <summary>
/// The fires a schedule missed while no server ran, as the last start found them: how many, the first and last of them, and
/// what the schedule's policy did ("run-once": one execution for <paramref name="Last"/>; "skip": none).
/// </summary>
public sealed record MissedFiresView(int Count, DateTimeOffset First, DateTimeOffset Last, string Action, DateTimeOffset FoundAt);
