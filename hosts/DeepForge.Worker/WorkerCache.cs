using DeepForge.Configuration;
using DeepForge.Worker.Cache;

namespace DeepForge.Worker;

/// <summary>
/// The cache of the workers of a data folder, as its config names it (worker.cache.dir, worker.cache.maxBytes): what it
/// holds, and eviction on demand. Safe beside running workers: blobs their running jobs use are never evicted.
/// </summary>
public static class WorkerCache
{
    /// <summary>What the cache holds now.</summary>
    public static WorkerCacheStatus Measure(string dataDirectory)
    {
        var (root, max, isDefault) = Settings(dataDirectory);
        var eviction = new CacheEviction(root);
        var blobs = eviction.Blobs();
        return new WorkerCacheStatus(root, blobs.Count, blobs.Sum(b => b.Size), max, isDefault, eviction.InUseCount());
    }

    /// <summary>Evicts least recently used blobs no running job uses until the cache holds at most <paramref name="toBytes"/>, else its limit.</summary>
    public static WorkerCacheStatus Evict(string dataDirectory, long? toBytes)
    {
        var (root, max, isDefault) = Settings(dataDirectory);
        var eviction = new CacheEviction(root);
        var result = eviction.Evict(toBytes ?? max);
        var blobs = eviction.Blobs();
        return new WorkerCacheStatus(root, blobs.Count, blobs.Sum(b => b.Size), max, isDefault, result.InUse, result.Evicted, result.FreedBytes);
    }

    private static (string Root, long Max, bool IsDefault) Settings(string dataDirectory)
    {
        var config = new DeepForgeConfig(dataDirectory);
        var root = Path.GetFullPath(config.GetString("worker.cache.dir"));
        var configured = CacheLimit.Parse(config.GetString(CacheLimit.Key), out var problem);
        if (problem != null) throw new DeepForgeException(CacheLimit.Key, problem);
        return configured is { } max ? (root, max, false) : (root, CacheLimit.Default(root), true);
    }
}
