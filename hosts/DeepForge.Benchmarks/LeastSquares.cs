namespace DeepForge.Benchmarks;

/// <summary>The slope of the line that fits points best (least squares): how much y grows per unit of x.</summary>
internal static class LeastSquares
{
    /// <summary>Null when there are fewer than two distinct x values: no line can be fitted.</summary>
    public static double? Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Select(p => p.X).Distinct().Count() < 2) return null;
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return covariance / variance;
    }
}
