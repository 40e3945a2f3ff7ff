using System.Globalization;

namespace DeepForge.Designer.Executions;

/// <summary>
/// Tick labels of chart axes. The chart steps its ticks by adding floating-point numbers, so a tick meant as 1.2
/// arrives as 1.2000000000000002: ten significant digits keep every real difference between ticks and drop that noise.
/// </summary>
internal static class AxisFormat
{
    private const string Significant = "G10";

    /// <summary>The label for a tick value as the chart hands it over (a boxed number, or a category's text).</summary>
    public static string Tick(object? value) => value switch
    {
        double number => Number(number),
        float number => Number(number),
        decimal number => Number((double)number),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>1.2000000000000002 as "1.2", 0.30000000000000004 as "0.3"; NaN and infinities by name.</summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var rounded = double.Parse(value.ToString(Significant, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded.ToString(CultureInfo.InvariantCulture);
    }
}
