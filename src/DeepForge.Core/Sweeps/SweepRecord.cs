namespace DeepForge.Sweeps;

/// <summary>A stored sweep: a group of executions of one pipeline that differ in the attributes it varies.</summary>
public sealed class SweepRecord
{
    /// <summary>Short unique id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The project's name.</summary>
    public string Project { get; set; } = "";

    /// <summary>The pipeline's name.</summary>
    public string Pipeline { get; set; } = "";

    /// <summary>What it varies.</summary>
    public List<SweepParameter> Parameters { get; set; } = new();

    /// <summary>The metric the runs are judged by; null: the first the runs report.</summary>
    public string? Metric { get; set; }

    /// <summary>Whether higher or lower is better.</summary>
    public SweepGoal Goal { get; set; }

    /// <summary>How many runs may run at once.</summary>
    public int Parallel { get; set; } = 1;

    /// <summary>The seed of a random sweep (null for a grid), so it can be drawn again.</summary>
    public int? Seed { get; set; }

    /// <summary>The runs, in the order they start.</summary>
    public List<SweepRun> Runs { get; set; } = new();

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who started it; null for a local command.</summary>
    public string? StartedBy { get; set; }
}
