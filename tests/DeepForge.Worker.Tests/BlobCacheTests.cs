using System.Diagnostics;
using DeepForge.Worker.Cache;
using DeepForge.Worker.Tests.Infrastructure;

namespace DeepForge.Worker.Tests;

/// <summary>The worker's cache by hash: links to the server's blob files on a shared disk, refuses what it cannot trust.</summary>
public sealed class BlobCacheTests
{
    [Fact]
    public async Task UseBlob_HardLinksTheServersBlob_IntoTheCache()
    {
        using var fixture = await JobFixture.CreateAsync();
        var input = await fixture.InputAsync(Enumerable.Range(0, 5000).ToArray());
        var cache = fixture.Cache(useBlob: true);

        var fill = await cache.EnsureAsync(input.Hash, input.Size, CancellationToken.None);

        Assert.Equal(CacheFill.HardLink, fill);
        Assert.Equal(Inode(fixture.ServerBlobs.LocalPath(input.Hash)!), Inode(cache.PathOf(input.Hash)));
        Assert.Equal(Enumerable.Range(0, 5000).ToArray(), await JobFixture.ReadAsync<int[]>(cache.Store, input));
        Assert.Equal(CacheFill.AlreadyCached, await cache.EnsureAsync(input.Hash, input.Size, CancellationToken.None));
    }

    [Fact]
    public async Task UseBlobOff_NeverTouchesTheServersFiles()
    {
        using var fixture = await JobFixture.CreateAsync();
        var input = await fixture.InputAsync(new[] { 1, 2, 3 });
        var cache = fixture.Cache(useBlob: false);

        // This cache has no server to download from, so the only way in would have been a link.
        var error = await Assert.ThrowsAsync<DeepForgeException>(() => cache.EnsureAsync(input.Hash, input.Size, CancellationToken.None));

        Assert.Contains($"blob {input.Hash} is not in the cache", error.Message);
        Assert.False(await cache.Store.ExistsAsync(input.Hash));
    }

    [Fact]
    public async Task ServerBlob_OfAnotherSizeThanTheJobSays_IsNotLinked()
    {
        using var fixture = await JobFixture.CreateAsync();
        var input = await fixture.InputAsync(new[] { 1, 2, 3 });
        var cache = fixture.Cache(useBlob: true);

        await Assert.ThrowsAsync<DeepForgeException>(() => cache.EnsureAsync(input.Hash, input.Size + 1, CancellationToken.None));

        Assert.False(await cache.Store.ExistsAsync(input.Hash));
    }

    [Fact]
    public async Task SymbolicLink_ToABlobTheServerDeleted_IsReplaced()
    {
        using var fixture = await JobFixture.CreateAsync();
        var input = await fixture.InputAsync(new[] { 4, 5, 6 });
        var cache = fixture.Cache(useBlob: true);
        var path = cache.PathOf(input.Hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, fixture["gone"]);

        var fill = await cache.EnsureAsync(input.Hash, input.Size, CancellationToken.None);

        var values = await JobFixture.ReadAsync<int[]>(cache.Store, input);
        Assert.Equal(CacheFill.HardLink, fill);
        Assert.Equal([4, 5, 6], values);
    }

    [Fact]
    public async Task ServerBlobOnAnotherDisk_IsLinkedSymbolically()
    {
        // /dev/shm is a memory file system: a hard link from there into /tmp crosses devices (EXDEV) where /tmp is a disk.
        if (!Directory.Exists("/dev/shm")) return;
        using var server = await JobFixture.CreateAsync("/dev/shm");
        using var local = new TempFolder();
        var input = await server.InputAsync(new[] { 7, 8, 9 });
        var cache = new BlobCache(local["cache"], useBlob: true, server.ServerBlobDirectory, client: null, TimeSpan.FromSeconds(1),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var fill = await cache.EnsureAsync(input.Hash, input.Size, CancellationToken.None);

        if (Inode(server.ServerBlobs.LocalPath(input.Hash)!) == Inode(cache.PathOf(input.Hash))) Assert.Equal(CacheFill.HardLink, fill); // one file system after all
        else
        {
            Assert.Equal(CacheFill.SymbolicLink, fill);
            Assert.Equal(server.ServerBlobs.LocalPath(input.Hash), new FileInfo(cache.PathOf(input.Hash)).LinkTarget);
        }
        var values = await JobFixture.ReadAsync<int[]>(cache.Store, input);
        Assert.Equal([7, 8, 9], values);
    }

    [Fact]
    public async Task Job_FindsItsInputsAndCode_InTheCache()
    {
        using var fixture = await JobFixture.CreateAsync();
        var values = await fixture.InputAsync(new[] { 1, 2 });
        var cache = fixture.Cache(useBlob: true);
        var job = fixture.Job("Scale", inputs: new() { ["values"] = values });

        await cache.EnsureJobAsync(job, CancellationToken.None);

        Assert.True(await cache.Store.ExistsAsync(values.Hash));
        Assert.True(await cache.Store.ExistsAsync(fixture.AssemblyBlob));
    }

    // The file's own device and inode: a symbolic link is not its target.
    private static string Inode(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%d:%i", path]) { RedirectStandardOutput = true })!;
        var text = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return text;
    }
}
