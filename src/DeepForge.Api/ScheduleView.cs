using System.Text.Json;

namespace DeepForge.Api;

/// <summary>
/// A schedule: what it runs and when (<paramref name="Cron"/> as given, <paramref name="QuartzCron"/> as Quartz reads it, in
/// UTC), its policy for missed fires, the next fire times (none while paused), its newest runs, the fires its last start
/// found missed, and why its last fire could not start a run.
/// </summary>
public sealed record ScheduleView(
    string Id, string Project, string Pipeline, string Cron, string QuartzCron, string Missed, bool Paused,
    DateTimeOffset CreatedAt, string? CreatedBy,
    Dictionary<string, Dictionary<string, JsonElement>> Attributes, Dictionary<string, string> Inputs,
    IReadOnlyList<DateTimeOffset> NextFires, IReadOnlyList<ExecutionSummary> LastRuns,
    MissedFiresView? LastMissed, string? LastError);
