using DeepForge.Sweeps;

namespace DeepForge.Api;

/// <summary>
/// Starts a sweep of a pipeline: the runs are the product of the <see cref="Parameters"/>' value lists, or, with
/// <see cref="Random"/>, that many draws from their ranges and lists (seeded by <see cref="Seed"/>, or a seed the sweep keeps).
/// </summary>
public sealed record StartSweepRequest(
    string Pipeline,
    List<SweepParameter> Parameters,
    int? Random = null,
    int? Seed = null,
    string? Metric = null,
    SweepGoal? Goal = null,
    int? Parallel = null,
    Dictionary<string, string>? Inputs = null,
    bool? UseCache = null)
{
    /// <summary>The request as the engine takes it, started by <paramref name="startedBy"/>.</summary>
    public SweepRequest ToRequest(string? startedBy) => new()
    {
        Pipeline = Pipeline, Parameters = Parameters ?? [], Random = Random, Seed = Seed, Metric = Metric, Goal = Goal ?? SweepGoal.Max,
        Parallel = Parallel ?? 1, Inputs = Inputs ?? [], UseCache = UseCache ?? true, StartedBy = startedBy,
    };
}
