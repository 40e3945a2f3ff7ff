namespace DeepForge.Worker;

/// <summary>What a worker's cache holds (<c>deepforge worker cache</c>), and what an eviction removed.</summary>
/// <param name="Directory">worker.cache.dir.</param>
/// <param name="Blobs">How many blobs it holds.</param>
/// <param name="Bytes">Their size on this disk (a hard link to the server's blob counts whole, a symbolic link not).</param>
/// <param name="MaxBytes">worker.cache.maxBytes, or the default in effect.</param>
/// <param name="MaxIsDefault">Whether <paramref name="MaxBytes"/> is the default (half of the free disk plus what the cache holds).</param>
/// <param name="InUse">How many blobs running jobs of live workers use (never evicted).</param>
/// <param name="Evicted">How many blobs the eviction removed; 0 when only measured.</param>
/// <param name="FreedBytes">How many bytes the eviction freed.</param>
public sealed record WorkerCacheStatus(string Directory, int Blobs, long Bytes, long MaxBytes, bool MaxIsDefault, int InUse, int Evicted = 0, long FreedBytes = 0);
