using DeepForge.Blobs;
using DeepForge.Worker.Cache;
using DeepForge.Worker.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Worker.Tests.Cache;

/// <summary>worker.cache.maxBytes on real files: least recently used blobs go first, never one a running job uses.</summary>
public sealed class CacheEvictionTests
{
    private const int BlobBytes = 10_000;

    [Fact]
    public async Task Eviction_RemovesTheLeastRecentlyUsedBlobsFirst()
    {
        using var folder = new TempFolder();
        var cache = Cache(folder);
        var oldest = await BlobAsync(cache, 1, usedMinutesAgo: 30);
        var middle = await BlobAsync(cache, 2, usedMinutesAgo: 20);
        var newest = await BlobAsync(cache, 3, usedMinutesAgo: 10);

        var result = cache.Eviction.Evict(2 * BlobBytes);

        Assert.Equal(1, result.Evicted);
        Assert.False(await cache.Store.ExistsAsync(oldest));
        Assert.True(await cache.Store.ExistsAsync(middle) && await cache.Store.ExistsAsync(newest));
        Assert.Equal(2 * BlobBytes, result.RemainingBytes);
    }

    [Fact]
    public async Task Eviction_KeepsABlobARunningJobReads_EvenWhenItIsTheLeastRecentlyUsed()
    {
        using var folder = new TempFolder();
        var cache = Cache(folder);
        var input = await BlobAsync(cache, 1, usedMinutesAgo: 30);
        var other = await BlobAsync(cache, 2, usedMinutesAgo: 10);
        using var job = cache.Pins.Pin([input]);

        var result = cache.Eviction.Evict(0);

        Assert.True(await cache.Store.ExistsAsync(input));
        Assert.False(await cache.Store.ExistsAsync(other));
        Assert.Equal(1, result.InUse);
    }

    [Fact]
    public async Task Eviction_KeepsBlobsWrittenSinceARunningJobStarted()
    {
        using var folder = new TempFolder();
        var cache = Cache(folder);
        using var job = cache.Pins.Pin([]);
        var output = (await cache.Store.PutAsync(new MemoryStream(Bytes(7)))).Hash; // written by the job, not uploaded yet

        cache.Eviction.Evict(0);

        Assert.True(await cache.Store.ExistsAsync(output));
    }

    [Fact]
    public async Task Eviction_RemovesBlobsOfAJob_OnceItsHandleIsDisposed()
    {
        using var folder = new TempFolder();
        var cache = Cache(folder);
        var input = await BlobAsync(cache, 1, usedMinutesAgo: 30);
        cache.Pins.Pin([input]).Dispose();

        cache.Eviction.Evict(0);

        Assert.False(await cache.Store.ExistsAsync(input));
        Assert.Empty(Directory.EnumerateFiles(cache.Pins.Folder));
    }

    [Fact]
    public async Task InUseList_OfAWorkerProcessThatIsGone_ProtectsNothing_AndIsRemoved()
    {
        using var folder = new TempFolder();
        var cache = Cache(folder);
        var input = await BlobAsync(cache, 1, usedMinutesAgo: 30);
        Directory.CreateDirectory(cache.Pins.Folder);
        var dead = Path.Combine(cache.Pins.Folder, "w999999-1000"); // no such process
        File.WriteAllLines(dead, [DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), input]);

        cache.Eviction.Evict(0);

        Assert.False(await cache.Store.ExistsAsync(input));
        Assert.False(File.Exists(dead));
    }

    [Fact]
    public async Task EnsuringACachedBlob_MakesItTheMostRecentlyUsed()
    {
        using var folder = new TempFolder();
        var cache = Cache(folder);
        var reused = await BlobAsync(cache, 1, usedMinutesAgo: 30);
        var other = await BlobAsync(cache, 2, usedMinutesAgo: 10);

        Assert.Equal(CacheFill.AlreadyCached, await cache.EnsureAsync(reused, BlobBytes, CancellationToken.None));
        cache.Eviction.Evict(BlobBytes);

        Assert.True(await cache.Store.ExistsAsync(reused));
        Assert.False(await cache.Store.ExistsAsync(other));
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("-5")]
    [InlineData("0")]
    public void MaxBytesSetting_IsRefused_WhenNotAPositiveNumberOfBytes(string text)
    {
        Assert.Null(CacheLimit.Parse(text, out var problem));

        Assert.Equal($"worker.cache.maxBytes is '{text}': give a number of bytes, e.g. 10737418240 for 10 GiB, or leave it empty for half the free disk", problem);
    }

    [Fact]
    public void MaxBytesSetting_LeftEmpty_MeansHalfOfWhatTheDiskCouldGiveTheCache()
    {
        using var folder = new TempFolder();

        Assert.Null(CacheLimit.Parse("", out var problem));
        Assert.Null(problem);
        var free = new DriveInfo(folder.Path).AvailableFreeSpace;
        Assert.InRange(CacheLimit.Default(folder.Path), free / 2 - (1 << 24), free / 2 + (1 << 24));
    }

    private static BlobCache Cache(TempFolder folder) =>
        new(folder["cache"], useBlob: false, serverBlobDirectory: null, client: null, TimeSpan.FromSeconds(1), NullLogger.Instance);

    private static async Task<string> BlobAsync(BlobCache cache, byte seed, int usedMinutesAgo)
    {
        var hash = (await cache.Store.PutAsync(new MemoryStream(Bytes(seed)))).Hash;
        var when = DateTime.UtcNow.AddMinutes(-usedMinutesAgo);
        File.SetLastWriteTimeUtc(cache.PathOf(hash), when);
        File.SetLastAccessTimeUtc(cache.PathOf(hash), when);
        return hash;
    }

    private static byte[] Bytes(byte seed) => Enumerable.Repeat(seed, BlobBytes).ToArray();
}
