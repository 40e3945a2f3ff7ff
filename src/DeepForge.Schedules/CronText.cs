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
        if (OutOfRange(trimmed, fields) is { } range) throw Bad(trimmed, range);
        try
        {
            return CronExpression.Parse(trimmed, fields == 5 ? CronFormat.Unix : CronFormat.Quartz).WithTimeZone(TimeZoneInfo.Utc);
        }
        catch (FormatException e)
        {
            throw Bad(trimmed, e.Message.TrimEnd('.'));
        }
    }

    // Quartz reads some numbers past a field's end without a word (an hour of 99): each field's numbers are checked first.
    private static readonly (string Name, int Min, int Max)[] UnixFields = [("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("weekday", 0, 7)];
    private static readonly (string Name, int Min, int Max)[] QuartzFields =
        [("second", 0, 59), ("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("weekday", 1, 7), ("year", 1970, 2199)];

    private static string? OutOfRange(string text, int count)
    {
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ranges = count == 5 ? UnixFields : QuartzFields;
        for (var i = 0; i < fields.Length; i++)
        {
            // Numbers before a '/' are values; the one after it is a step, which may be larger than a value.
            foreach (var part in fields[i].Split(','))
            {
                var values = part.Split('/')[0];
                foreach (var token in values.Split('-'))
                    if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && (n < ranges[i].Min || n > ranges[i].Max))
                        return $"{ranges[i].Name} {n} is outside {ranges[i].Min}-{ranges[i].Max}";
            }
        }
        return null;
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
