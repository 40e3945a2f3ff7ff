namespace DeepForge.Benchmarks;

/// <summary>What <c>bench soak</c> is asked to do.</summary>
internal sealed record SoakSettings(int Edits, int Runs, int Samples, int BlobBytes, long? WorkerCacheMaxBytes, int? WarmupEdits = null)
{
    /// <summary>The share of the runs left out of their slope: the first fifth (JIT, caches and pools filling).</summary>
    private const double WarmupShare = 0.2;

    /// <summary>
    /// Warm-up edits when none are given. Measured with 1500 edits, resident memory climbs for about the first 300 (the
    /// compiler's fixed-size caches and the JIT's tiering fill) and then levels off: a slope fitted earlier measures warming.
    /// </summary>
    public const int DefaultWarmupEdits = 300;

    /// <summary>Edits made in all: the warm-up edits come before the measured ones.</summary>
    public int TotalEdits => Edits == 0 ? 0 : Edits + EditsBeforeSlope;

    /// <summary>Edits made before the measured ones and left out of the slope.</summary>
    public int EditsBeforeSlope => Edits == 0 ? 0 : WarmupEdits ?? DefaultWarmupEdits;

    /// <summary>Runs left out of the slope: the first fifth.</summary>
    public int RunsBeforeSlope => (int)Math.Ceiling(Runs * WarmupShare);

    /// <summary>Edits between two samples: about <see cref="Samples"/> samples in the phase.</summary>
    public int EditSampleEvery => Math.Max(1, TotalEdits / Samples);

    public int RunSampleEvery => Math.Max(1, Runs / Samples);

    public void Validate()
    {
        if (Edits < 0 || Runs < 0 || Edits + Runs == 0) throw new DeepForgeException("bench soak", "--edits and --runs must be 0 or more, and not both 0");
        if (Samples < 3) throw new DeepForgeException("--samples", $"--samples is {Samples}: use 3 or more, so a slope can be fitted after the warm-up");
        if (BlobBytes < 1) throw new DeepForgeException("--blob-bytes", $"--blob-bytes is {BlobBytes}: use 1 or more");
        if (WarmupEdits is < 0) throw new DeepForgeException("--warmup-edits", $"--warmup-edits is {WarmupEdits}: use 0 or more");
        if (WorkerCacheMaxBytes is < 1) throw new DeepForgeException("--worker-cache-max-bytes", $"--worker-cache-max-bytes is {WorkerCacheMaxBytes}: use a positive number of bytes");
    }
}
