namespace DeepForge.Sweeps;

/// <summary>Which column judges a sweep's runs, and their order by it.</summary>
internal static class SweepMetric
{
    /// <summary>
    /// The column the asked metric names: the same name (any case), or a node's column of it (<c>test.accuracy</c> for
    /// <c>accuracy</c>); the first column when none was asked; null when the runs have not reported it (yet).
    /// </summary>
    public static string? Resolve(string? asked, IReadOnlyList<string> names)
    {
        if (asked == null) return names.FirstOrDefault();
        return names.FirstOrDefault(n => string.Equals(n, asked, StringComparison.OrdinalIgnoreCase))
            ?? names.FirstOrDefault(n => n.EndsWith("." + asked, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Runs with a score best first, then the others in their planned order. The best is the first that succeeded: a
    /// running run's graphs have not reached their end, and a failed run's numbers are no result.
    /// </summary>
    public static IReadOnlyList<SweepRow> Rank(IReadOnlyList<SweepRow> rows, SweepGoal goal)
    {
        var scored = rows.Where(r => r.Score != null);
        var ranked = (goal == SweepGoal.Max ? scored.OrderByDescending(r => r.Score) : scored.OrderBy(r => r.Score)).ToList();
        var best = ranked.FirstOrDefault(r => r.Status == Models.ExecutionStatus.Succeeded);
        var result = ranked.Select(r => ReferenceEquals(r, best) ? r with { Best = true } : r).ToList();
        result.AddRange(rows.Where(r => r.Score == null));
        return result;
    }
}
