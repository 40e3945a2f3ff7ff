namespace DeepForge.Benchmarks;

/// <summary>The figures of <c>bench soak</c> from its samples: memory slopes after warm-up, the store's size, the worker's disk against its cap.</summary>
internal static class SoakReport
{
    public static object Of(SoakSettings settings, IReadOnlyList<SoakSample> samples)
    {
        var (warmupEdits, warmupRuns) = (settings.EditsBeforeSlope, settings.RunsBeforeSlope);
        var perEdit = Slope(samples.Where(s => s.Phase == "edits" && s.Edits >= warmupEdits).Select(s => ((double)s.Edits, s.ServerRssMb)).ToList());
        var perRun = Slope(samples.Where(s => s.Phase == "runs" && s.Runs >= warmupRuns).Select(s => ((double)s.Runs, s.ServerRssMb)).ToList());
        var last = samples[^1];
        var maxCache = samples.Max(s => s.WorkerCacheBytes);
        return new
        {
            Benchmark = "soak", Edits = settings.TotalEdits, settings.Runs, TextBytesPerRun = settings.BlobBytes, WarmupEdits = warmupEdits, WarmupRuns = warmupRuns,
            SampleCount = samples.Count, Samples = samples,
            ServerRssMbStart = samples[0].ServerRssMb, ServerRssMbAfterEdits = samples.LastOrDefault(s => s.Phase == "edits")?.ServerRssMb,
            ServerRssMbEnd = last.ServerRssMb, ServerRssMbMax = samples.Max(s => s.ServerRssMb),
            MemoryMbPerEdit = perEdit, MemoryMbPerRun = perRun,
            StoreBytes = last.StoreBytes, BlobFolderBytes = last.BlobFolderBytes,
            WorkerCacheMaxBytes = settings.WorkerCacheMaxBytes, MaxWorkerCacheBytes = maxCache, MaxWorkerDirBytes = samples.Max(s => s.WorkerDirBytes),
            WorkerCacheUnderCap = settings.WorkerCacheMaxBytes is { } cap ? maxCache <= cap : (bool?)null,
        };
    }

    // Rounded for reading; null when the phase has too few samples after warm-up.
    private static double? Slope(IReadOnlyList<(double X, double Y)> points) =>
        LeastSquares.Slope(points) is { } slope ? Math.Round(slope, 5) : null;
}
