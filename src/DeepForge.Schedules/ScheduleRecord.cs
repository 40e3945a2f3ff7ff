using System.Text.Json;
using DeepForge.Api;

namespace DeepForge.Schedules;

/// <summary>A schedule as the store keeps it (collection "schedules", partitioned by project): the truth every server reads.</summary>
internal sealed class ScheduleRecord
{
    public string Id { get; set; } = "";

    public string Project { get; set; } = "";

    public string Pipeline { get; set; } = "";

    /// <summary>The expression as the person wrote it.</summary>
    public string Cron { get; set; } = "";

    /// <summary>The same schedule in Quartz's form (seconds first), which is what fires.</summary>
    public string QuartzCron { get; set; } = "";

    public Dictionary<string, Dictionary<string, JsonElement>> Attributes { get; set; } = new();

    public Dictionary<string, string> Inputs { get; set; } = new();

    public MissedFirePolicy Missed { get; set; }

    public bool Paused { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>
    /// Fires up to this time are dealt with (run, or missed and handled by the policy); a start looks for missed fires after it.
    /// Resuming a paused schedule moves it to the moment of resuming, so the pause does not count as missed.
    /// </summary>
    public DateTimeOffset HandledUntil { get; set; }

    public MissedFiresView? LastMissed { get; set; }

    public string? LastError { get; set; }
}
