using System.Globalization;
using DeepForge.Blobs;
using DeepForge.Runtime;
using DeepForge.Worker.Jobs;

namespace DeepForge.Worker.Cache;

/// <summary>
/// Keeps worker.cache.dir under worker.cache.maxBytes: removes the least recently used blobs first, and never one a
/// running job of a live worker uses (listed in <c>in-use/</c>, or written since its oldest running job started:
/// outputs not yet uploaded). "Used" is the file's access time, which the cache sets each time a job takes the blob,
/// so every process sharing the cache sees the same order. Unpacked extensions, partial downloads and quarantine
/// are not blobs and are left alone.
/// </summary>
internal sealed class CacheEviction(string cacheRoot)
{
    /// <summary>The blob files of the cache.</summary>
    public IReadOnlyList<CachedBlob> Blobs()
    {
        if (!Directory.Exists(cacheRoot)) return [];
        var blobs = new List<CachedBlob>();
        foreach (var folder in Directory.EnumerateDirectories(cacheRoot).Where(d => Path.GetFileName(d) is { Length: 2 } name && name.All(char.IsAsciiHexDigitLower)))
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                var hash = Path.GetFileName(path);
                if (!BlobHash.IsValid(hash)) continue;
                var info = new FileInfo(path);
                try
                {
                    var written = info.LastWriteTimeUtc;
                    blobs.Add(new CachedBlob(hash, path, info.LinkTarget != null ? 0 : info.Length, Max(info.LastAccessTimeUtc, written), written));
                }
                catch (IOException) { } // removed meanwhile, or a link whose target is gone: nothing to count
            }
        return blobs;
    }

    /// <summary>Removes least recently used blobs not in use until the cache holds at most <paramref name="targetBytes"/>.</summary>
    public EvictionResult Evict(long targetBytes)
    {
        var blobs = Blobs();
        var (inUse, since) = ReadInUse();
        var used = blobs.Sum(b => b.Size);
        long freed = 0;
        var count = 0;
        foreach (var blob in blobs.OrderBy(b => b.LastUsedUtc))
        {
            if (used - freed <= targetBytes) break;
            if (inUse.Contains(blob.Hash) || (since is { } s && blob.WrittenUtc >= s)) continue;
            try { File.Delete(blob.Path); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            freed += blob.Size;
            count++;
        }
        return new EvictionResult(count, freed, used - freed, inUse.Count);
    }

    /// <summary>Marks a blob as just used (its access time), so it is evicted last.</summary>
    public static void Touch(string path)
    {
        try { File.SetLastAccessTimeUtc(path, DateTime.UtcNow); }
        catch (IOException) { } // order only: a blob whose time cannot be set is merely evicted earlier
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>How many blobs running jobs of live workers use now.</summary>
    public int InUseCount() => ReadInUse().Hashes.Count;

    // Blobs listed by live workers, and the earliest start of their running jobs; files of dead workers are removed.
    private (HashSet<string> Hashes, DateTime? Since) ReadInUse()
    {
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        DateTime? since = null;
        var folder = Path.Combine(cacheRoot, "in-use");
        if (!Directory.Exists(folder)) return (hashes, since);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            if (JobFolders.ParseOwner(Path.GetFileName(file)) is not { } owner) continue;
            if (!ProcessIdentity.IsAlive(owner))
            {
                TryDelete(file);
                continue;
            }
            string[] lines;
            try { lines = File.ReadAllLines(file); }
            catch (IOException) { continue; } // replaced meanwhile; the worker protects its own blobs in the same process
            if (lines.Length == 0 || !long.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) continue;
            var started = new DateTime(ticks, DateTimeKind.Utc).AddSeconds(-1); // file times are coarser than the clock on some file systems
            since = since is { } s && s < started ? s : started;
            hashes.UnionWith(lines.Skip(1));
        }
        return (hashes, since);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static void TryDelete(string file)
    {
        try { File.Delete(file); }
        catch (IOException) { }
    }
}
