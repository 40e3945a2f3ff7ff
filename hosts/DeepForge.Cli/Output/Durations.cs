using System.Globalization;

namespace DeepForge.Cli.Output;

/// <summary>Durations as people write them: <c>30s</c>, <c>10m</c>, <c>1h</c>, <c>2d</c>, <c>0</c>.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text, string what)
    {
        var trimmed = text.Trim();
        if (trimmed == "0") return TimeSpan.Zero;
        var unit = trimmed.Length > 0 ? char.ToLowerInvariant(trimmed[^1]) : ' ';
        if (trimmed.Length > 1 && "smhd".Contains(unit)
            && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && double.IsFinite(number))
        {
            return unit switch
            {
                's' => TimeSpan.FromSeconds(number),
                'm' => TimeSpan.FromMinutes(number),
                'h' => TimeSpan.FromHours(number),
                _ => TimeSpan.FromDays(number),
            };
        }
        throw new DeepForgeException(what, $"{what} '{text}' is not a duration: write a number and a unit, e.g. 30s, 10m, 1h or 2d");
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalDays >= 1 && duration.TotalDays % 1 == 0 ? $"{duration.TotalDays}d"
        : duration.TotalHours >= 1 && duration.TotalHours % 1 == 0 ? $"{duration.TotalHours}h"
        : duration.TotalMinutes >= 1 && duration.TotalMinutes % 1 == 0 ? $"{duration.TotalMinutes}m"
        : $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
