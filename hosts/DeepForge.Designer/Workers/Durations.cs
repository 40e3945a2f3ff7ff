namespace DeepForge.Designer.Workers;

/// <summary>How long ago, in the largest unit that fits: "8 s", "3 min", "2 h 5 min", "4 d".</summary>
internal static class Durations
{
    public static string Since(DateTimeOffset then, DateTimeOffset now)
    {
        var span = now - then;
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalSeconds < 60) return $"{(int)span.TotalSeconds} s";
        if (span.TotalMinutes < 60) return $"{(int)span.TotalMinutes} min";
        if (span.TotalHours < 24) return span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min";
        return $"{(int)span.TotalDays} d";
    }
}
