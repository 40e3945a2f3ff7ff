namespace DeepForge.Sweeps;

/// <summary>How to start a sweep: the pipeline, what to vary, and how to judge the runs.</summary>
public sealed class SweepRequest
{
    /// <summary>The pipeline to run.</summary>
    public string Pipeline { get; set; } = "";

    /// <summary>The attributes to vary. Without <see cref="Random"/>, every one is a list and the runs are their product.</summary>
    public List<SweepParameter> Parameters { get; set; } = new();

    /// <summary>When set, this many runs, each drawing every range and picking one value of every list at random.</summary>
    public int? Random { get; set; }

    /// <summary>The seed of a random sweep; one is picked (and kept on the sweep) when none is given.</summary>
    public int? Seed { get; set; }

    /// <summary>The metric the runs are judged by (a <c>context.Metric</c> name, or a graph's title); null: the first the runs report.</summary>
    public string? Metric { get; set; }

    /// <summary>Whether higher or lower is better.</summary>
    public SweepGoal Goal { get; set; } = SweepGoal.Max;

    /// <summary>How many runs may run at once.</summary>
    public int Parallel { get; set; } = 1;

    /// <summary>Input node id to artifact, for every run.</summary>
    public Dictionary<string, string> Inputs { get; set; } = new();

    /// <summary>Whether runs may reuse outputs of earlier identical operations (unchanged upstream operations run once).</summary>
    public bool UseCache { get; set; } = true;

    /// <summary>Who started it; null for a local command.</summary>
    public string? StartedBy { get; set; }
}
