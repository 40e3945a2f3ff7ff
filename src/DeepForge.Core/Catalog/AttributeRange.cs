using System.Globalization;

namespace DeepForge.Catalog;

/// <summary>
/// The values a number attribute may take, as the operation declares them with
/// <c>[Range(min, max)]</c> (System.ComponentModel.DataAnnotations) on its constructor parameter.
/// A bound of ±Infinity lets that infinity through; NaN is never in a range.
/// </summary>
/// <param name="Minimum">The lower bound.</param>
/// <param name="Maximum">The upper bound.</param>
/// <param name="MinimumIsExclusive">Whether the lower bound itself is refused (<c>learningRate &gt; 0</c>).</param>
/// <param name="MaximumIsExclusive">Whether the upper bound itself is refused.</param>
public sealed record AttributeRange(double Minimum, double Maximum, bool MinimumIsExclusive = false, bool MaximumIsExclusive = false)
{
    /// <summary>Whether the value is inside the range.</summary>
    public bool Contains(double value) =>
        !double.IsNaN(value)
        && (MinimumIsExclusive ? value > Minimum : value >= Minimum)
        && (MaximumIsExclusive ? value < Maximum : value <= Maximum);

    /// <summary>Whether the lower bound says anything (a bound at the type's own limit does not).</summary>
    public bool HasMinimum => !IsLimit(Minimum);

    /// <summary>Whether the upper bound says anything (a bound at the type's own limit does not).</summary>
    public bool HasMaximum => !IsLimit(Maximum);

    /// <summary>The range in words: "at least 1", "greater than 0", "at least 1 and at most 10000".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (HasMinimum) parts.Add($"{(MinimumIsExclusive ? "greater than" : "at least")} {Format(Minimum)}");
        if (HasMaximum) parts.Add($"{(MaximumIsExclusive ? "less than" : "at most")} {Format(Maximum)}");
        return parts.Count == 0 ? "any number" : string.Join(" and ", parts);
    }

    /// <summary>
    /// Reads the bounds of a RangeAttribute: numbers, or strings parsed in the invariant culture; null when they are neither.
    /// Public so that reading them from source (DeepForge.Compilation) and from the compiled attribute agree.
    /// </summary>
    public static AttributeRange? From(object? minimum, object? maximum, bool minimumIsExclusive, bool maximumIsExclusive) =>
        ToDouble(minimum) is { } min && ToDouble(maximum) is { } max ? new AttributeRange(min, max, minimumIsExclusive, maximumIsExclusive) : null;

    private static double? ToDouble(object? value) => value switch
    {
        string text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null,
        IConvertible number and not bool and not char => number.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    // [Range(1, int.MaxValue)] is how C# says "at least 1"; the maximum says nothing to show.
    private static readonly double[] Limits = [int.MaxValue, -(double)int.MinValue, long.MaxValue, float.MaxValue, double.MaxValue];

    private static bool IsLimit(double bound) => double.IsInfinity(bound) || Limits.Contains(Math.Abs(bound));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
