using DeepForge.Sweeps;

namespace DeepForge.Cli.Sweeps;

/// <summary>What a running sweep says on stderr: what it runs at the start, then one line per run as it ends.</summary>
internal sealed class SweepProgress(SweepRecord sweep)
{
    private readonly HashSet<string> _told = [];

    public void Start()
    {
        var how = sweep.Seed is { } seed ? $"random, seed {seed} (--seed {seed} draws the same runs)" : "grid";
        Console.Error.WriteLine($"Sweep {sweep.Id} of {sweep.Project}/{sweep.Pipeline}: {sweep.Runs.Count} runs ({how}), {sweep.Parallel} at a time");
    }

    /// <summary>Tells each run that has ended since the last call, once.</summary>
    public void Ended(SweepTable table)
    {
        lock (_told)
            foreach (var row in table.Rows.Where(r => r.Status is Models.ExecutionStatus.Succeeded or Models.ExecutionStatus.Failed or Models.ExecutionStatus.Cancelled))
                if (_told.Add(row.ExecutionId))
                    Console.Error.WriteLine($"[{_told.Count}/{sweep.Runs.Count}] {row.ExecutionId} {row.Status.ToString().ToLowerInvariant()}: {SweepPrinter.Values(sweep, row)}");
    }
}
