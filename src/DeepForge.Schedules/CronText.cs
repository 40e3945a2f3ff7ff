using Quartz;

namespace DeepForge.Schedules;

/// <summary>Reads cron expressions people write: crontab's five fields (minute first) or Quartz's six or seven (seconds first), in UTC.</summary>
internal static class CronText
{
    /// <summary>The expression in Quartz's form; a <see cref="DeepForgeException"/> naming what is wrong when it is none.</summary>
    public static CronExpression Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6 or 7)) throw Bad(trimmed, $"it has {fields} fields");
        try
        {
            return CronExpression.Parse(trimmed, fields == 5 ? CronFormat.Unix : CronFormat.Quartz).WithTimeZone(TimeZoneInfo.Utc);
        }
        catch (FormatException e)
        {
            throw Bad(trimmed, e.Message.TrimEnd('.'));
        }
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> NextFires(CronExpression expression, DateTimeOffset after, int count)
    {
        var fires = new List<DateTimeOffset>(count);
        for (var at = expression.GetNextValidTimeAfter(after); at is { } next && fires.Count < count; at = expression.GetNextValidTimeAfter(next)) fires.Add(next);
        return fires;
    }

    private static DeepForgeException Bad(string text, string why) => new("cron",
        $"cron '{text}' is not a schedule ({why}): write five fields, minute hour day month weekday, like \"0 2 * * *\" (02:00 UTC daily), or Quartz's six with seconds first, like \"*/5 * * * * ?\"");
}
