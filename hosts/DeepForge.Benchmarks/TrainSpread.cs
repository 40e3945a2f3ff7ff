namespace DeepForge.Benchmarks;

/// <summary>Best (lowest), median and highest of a figure over the rounds: the spread says how far one round's figure can be trusted.</summary>
internal sealed record TrainSpread(double Best, double Median, double Worst)
{
    public static TrainSpread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return new TrainSpread(Math.Round(sorted[0], 1), Math.Round(MedianOf(sorted), 1), Math.Round(sorted[^1], 1));
    }

    /// <summary>The middle value, or the mean of the two middle ones.</summary>
    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
