namespace DeepForge.Worker.Cache;

/// <summary>What an eviction did: blobs and bytes removed, bytes the cache still holds, and how many blobs running jobs use.</summary>
internal sealed record EvictionResult(int Evicted, long FreedBytes, long RemainingBytes, int InUse);
