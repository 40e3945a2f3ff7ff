namespace DeepForge.Sweeps;

/// <summary>
/// An interval a random sweep draws values from. Whole-number bounds give whole numbers (a batch size); on a log scale
/// values are drawn evenly in the logarithm, so 1e-4..1e-2 gives as many values below 1e-3 as above.
/// </summary>
/// <param name="Min">The lower bound, included.</param>
/// <param name="Max">The upper bound, included.</param>
/// <param name="Log">Whether to draw on a log scale (both bounds must then be above 0).</param>
/// <param name="Whole">Whether to draw whole numbers.</param>
public sealed record SweepRange(double Min, double Max, bool Log = false, bool Whole = false);
