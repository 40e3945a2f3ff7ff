using System.Text.Json;

namespace DeepForge.Api;

/// <summary>
/// POST /api/v1/projects/{project}/schedules: run <paramref name="Pipeline"/> at every fire of <paramref name="Cron"/> (five
/// fields, minute first, as crontab; or Quartz's six or seven, seconds first), in UTC. <paramref name="Missed"/> says what
/// fires missed while no server ran do: "run-once" (the default: one run on start) or "skip".
/// </summary>
public sealed record AddScheduleRequest(
    string Pipeline, string Cron,
    Dictionary<string, Dictionary<string, JsonElement>>? Attributes = null,
    Dictionary<string, string>? Inputs = null,
    string? Missed = null);
