using System.Security.Cryptography;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary><c>deepforge worker cache</c> as a person runs it on a worker machine: what the cache holds, and eviction on demand.</summary>
public sealed class WorkerCacheCommandTests : IDisposable
{
    private const int BlobBytes = 40_000;
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public WorkerCacheCommandTests() => _cli = new Cli(_temp["data"]);

    private string CacheRoot => Path.Combine(_cli.DataDirectory, "worker", "cache");

    // A blob as a worker leaves it in its cache, last used that many minutes ago.
    private string PlaceBlob(int seed, int usedMinutesAgo)
    {
        var bytes = new byte[BlobBytes];
        new Random(seed).NextBytes(bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = Path.Combine(CacheRoot, hash[..2], hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        var used = DateTime.UtcNow.AddMinutes(-usedMinutesAgo);
        File.SetLastWriteTimeUtc(path, used);
        File.SetLastAccessTimeUtc(path, used);
        return path;
    }

    [Fact]
    public void Cache_PrintsWhatItHolds_AgainstTheConfiguredLimit()
    {
        PlaceBlob(1, 30);
        PlaceBlob(2, 20);
        CliAssert.Succeeded(_cli.Run("config", "worker.cache.maxBytes", "100000"));

        var result = CliAssert.Succeeded(_cli.Run("worker", "cache"));

        Assert.Contains($"worker.cache.dir: {CacheRoot}", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"holds 2 blob(s), {2 * BlobBytes} bytes", StringComparison.Ordinal) && l.Contains("of at most 100000 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void Evict_RemovesTheLeastRecentlyUsedBlobs_DownToTheLimit()
    {
        var oldest = PlaceBlob(1, 30);
        var middle = PlaceBlob(2, 20);
        var newest = PlaceBlob(3, 10);
        CliAssert.Succeeded(_cli.Run("config", "worker.cache.maxBytes", (2 * BlobBytes).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = CliAssert.Succeeded(_cli.Run("worker", "cache", "--evict"));

        Assert.Contains($"Evicted 1 blob(s), {BlobBytes} bytes", result.Stdout);
        Assert.False(File.Exists(oldest));
        Assert.True(File.Exists(middle) && File.Exists(newest));
    }

    [Fact]
    public void EvictTo_Zero_EmptiesTheCache()
    {
        var one = PlaceBlob(1, 30);
        var two = PlaceBlob(2, 20);

        var result = CliAssert.Succeeded(_cli.Run("worker", "cache", "--evict", "--to", "0"));

        Assert.Contains(result.StdoutLines, l => l.StartsWith("holds 0 blob(s), 0 bytes", StringComparison.Ordinal));
        Assert.False(File.Exists(one) || File.Exists(two));
    }

    [Fact]
    public void MaxBytes_ThatIsNotANumber_IsRefused_InOneLine()
    {
        PlaceBlob(1, 30);
        CliAssert.Succeeded(_cli.Run("config", "worker.cache.maxBytes", "ten gigs"));

        CliAssert.BadInput(_cli.Run("worker", "cache", "--evict"), "worker.cache.maxBytes is 'ten gigs'");
        Assert.Single(Directory.EnumerateFiles(CacheRoot, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => _temp.Dispose();
}
