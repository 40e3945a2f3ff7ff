using DeepForge.Sweeps;

namespace DeepForge.Api;

/// <summary>A sweep in a list, without its runs' results.</summary>
public sealed record SweepSummary(string Id, string Project, string Pipeline, IReadOnlyList<string> Parameters, int Runs, string? Metric, SweepGoal Goal, DateTimeOffset CreatedAt)
{
    /// <summary>The summary of a stored sweep, as the server's sweep list answers it.</summary>
    public static SweepSummary Of(SweepRecord s) =>
        new(s.Id, s.Project, s.Pipeline, s.Parameters.Select(p => p.Name).ToList(), s.Runs.Count, s.Metric, s.Goal, s.CreatedAt);
}
