using System.Globalization;

namespace DeepForge.Designer.Executions;

/// <summary>A point of a line chart; the chart reads X and Y by name.</summary>
/// <param name="X">Along the x axis (a step, an epoch).</param>
/// <param name="Y">Its value; null where the value is not finite, so the line has a gap there instead of a wild value.</param>
/// <param name="NotFinite">"NaN", "Infinity" or "-Infinity" when the value was not finite (a diverged loss), else null.</param>
public sealed record ChartPoint(double X, double? Y, string? NotFinite = null)
{
    /// <summary>The point for (x, y): a gap with its reason when y is NaN or infinite.</summary>
    public static ChartPoint Of(double x, double y) =>
        double.IsFinite(y) ? new ChartPoint(x, y) : new ChartPoint(x, null, y.ToString(CultureInfo.InvariantCulture));
}
