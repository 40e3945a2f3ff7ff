using System.Globalization;

namespace DeepForge.Designer.Metrics;

/// <summary>
/// Metric values for people: four significant digits (0.9183, not 0.91830000000000001), NaN and Infinity by name; a
/// share such as an accuracy (by its name, when it lies between 0 and 1) as a percentage, 91.83 %.
/// </summary>
internal static class MetricFormat
{
    // Metrics that are fractions of a whole by convention; what comes before a '/' names the family (accuracy/Trouser).
    private static readonly string[] Shares = ["accuracy", "acc", "precision", "recall", "f1", "iou", "auc", "dice"];

    public static string Value(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The value of the metric <paramref name="name"/>: a percentage when it is a share, else as <see cref="Value(double)"/>.</summary>
    public static string Value(string name, double value) =>
        IsShare(name) && value is >= 0 and <= 1 ? (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %" : Value(value);

    /// <summary>Whether <paramref name="name"/> (or its family, before a '/') is a share, shown in percent.</summary>
    public static bool IsShare(string name)
    {
        var family = name.IndexOf('/') is > 0 and var slash ? name[..slash] : name;
        return Shares.Any(s => family.Equals(s, StringComparison.OrdinalIgnoreCase) || family.StartsWith(s + "_", StringComparison.OrdinalIgnoreCase));
    }
}
