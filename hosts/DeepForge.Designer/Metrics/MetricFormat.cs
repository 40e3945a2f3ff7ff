using System.Globalization;

namespace DeepForge.Designer.Metrics;

/// <summary>Metric values for people: four significant digits (0.9183, not 0.91830000000000001), NaN and Infinity by name.</summary>
internal static class MetricFormat
{
    public static string Value(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
