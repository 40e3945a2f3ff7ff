using System.Globalization;
using DeepForge.Api;
using Spectre.Console;

namespace DeepForge.Cli.Schedules;

/// <summary>Schedules as the command prints them.</summary>
internal static class SchedulePrinter
{
    public static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z" : "-";

    public static void PrintAdded(ScheduleView schedule, string? server)
    {
        Console.WriteLine($"Schedule {schedule.Id} of {schedule.Project}/{schedule.Pipeline}: cron \"{schedule.Cron}\" (UTC), missed fires: {schedule.Missed}");
        Console.WriteLine($"Next fires: {string.Join(", ", schedule.NextFires.Select(f => Time(f)))}");
        if (server == null) Console.WriteLine("It fires while a server runs on this data folder ('deepforge start').");
    }

    public static void PrintList(IReadOnlyList<ScheduleView> schedules)
    {
        if (schedules.Count == 0)
        {
            Console.WriteLine("No schedules. Add one with: deepforge schedule add PROJECT PIPELINE --cron \"0 2 * * *\"");
            return;
        }
        var table = new Table().AddColumns("Schedule", "Project/pipeline", "Cron (UTC)", "State", "Missed fires", "Next fires", "Last runs");
        foreach (var s in schedules)
            table.AddRow(s.Id, Markup.Escape($"{s.Project}/{s.Pipeline}"), Markup.Escape(s.Cron), s.Paused ? "paused" : "active",
                Markup.Escape(MissedText(s)), string.Join("\n", s.NextFires.Select(f => Time(f))),
                Markup.Escape(string.Join("\n", s.LastRuns.Take(3).Select(r => $"{Time(r.ScheduledFor)} {r.Status.ToString().ToLowerInvariant()} {r.Id}"))
                    + (s.LastError is { } e ? $"\nlast fire refused: {e}" : "")));
        AnsiConsole.Write(table);
    }

    // The policy, and what the last start found: "run-once (last start: 3 missed, ran once for 02:00:05Z)".
    private static string MissedText(ScheduleView s) => s.LastMissed is not { } m ? s.Missed
        : $"{s.Missed} (last start: {m.Count} missed, {(m.Action == "skip" ? "skipped" : $"ran once for {Time(m.Last)}")})";
}
