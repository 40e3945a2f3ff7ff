namespace DeepForge.Sweeps;

/// <summary>Which way a sweep's metric is better.</summary>
public enum SweepGoal
{
    /// <summary>Higher is better (an accuracy).</summary>
    Max,
    /// <summary>Lower is better (a loss, an error).</summary>
    Min,
}
