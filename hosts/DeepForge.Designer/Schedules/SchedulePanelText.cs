using System.Globalization;
using DeepForge.Api;

namespace DeepForge.Designer.Schedules;

/// <summary>How the schedule panel words times and missed fires.</summary>
internal static class SchedulePanelText
{
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";

    public static string Missed(ScheduleView s) => s.LastMissed is not { } m ? s.Missed
        : $"{s.Missed} (last start: {m.Count} missed, {(m.Action == "skip" ? "skipped" : "ran once for " + Time(m.Last))})";
}
