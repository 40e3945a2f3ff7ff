namespace DeepForge.Benchmarks;

/// <summary>What <c>bench soak</c> is asked to do.</summary>
internal sealed record SoakSettings(int Edits, int Runs, int Samples, int BlobBytes, long? WorkerCacheMaxBytes, int? WarmupEdits = null)
{
    /// <summary>The share of a phase left out of its slope when no warm-up is given: the first fifth (JIT, caches and pools filling).</summary>
    private const double WarmupShare = 0.2;

    /// <summary>Edits made in all: the warm-up edits, when given, come before the measured ones.</summary>
    public int TotalEdits => Edits + (WarmupEdits ?? 0);

    /// <summary>Edits left out of the slope: the given warm-up, else the first fifth of the edits.</summary>
    public int EditsBeforeSlope => WarmupEdits ?? (int)Math.Ceiling(Edits * WarmupShare);

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
