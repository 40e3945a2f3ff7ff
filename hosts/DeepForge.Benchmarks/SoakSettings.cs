namespace DeepForge.Benchmarks;

/// <summary>What <c>bench soak</c> is asked to do.</summary>
internal sealed record SoakSettings(int Edits, int Runs, int Samples, int BlobBytes, long? WorkerCacheMaxBytes)
{
    /// <summary>Edits between two samples: about <see cref="Samples"/> samples in the phase.</summary>
    public int EditSampleEvery => Math.Max(1, Edits / Samples);

    public int RunSampleEvery => Math.Max(1, Runs / Samples);

    public void Validate()
    {
        if (Edits < 0 || Runs < 0 || Edits + Runs == 0) throw new DeepForgeException("bench soak", "--edits and --runs must be 0 or more, and not both 0");
        if (Samples < 3) throw new DeepForgeException("--samples", $"--samples is {Samples}: use 3 or more, so a slope can be fitted after the warm-up");
        if (BlobBytes < 1) throw new DeepForgeException("--blob-bytes", $"--blob-bytes is {BlobBytes}: use 1 or more");
        if (WorkerCacheMaxBytes is < 1) throw new DeepForgeException("--worker-cache-max-bytes", $"--worker-cache-max-bytes is {WorkerCacheMaxBytes}: use a positive number of bytes");
    }
}
