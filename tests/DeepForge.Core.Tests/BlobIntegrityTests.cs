using System.Security.Cryptography;
using DeepForge.Blobs;

namespace DeepForge.Core.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: blobs are stored read-only on POSIX systems
public sealed class BlobIntegrityTests
{
    private static byte[] Content(int seed, int size = 100_000)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<string> StoreAsync(TestEngine df, byte[] content) => (await df.Blobs.PutAsync(new MemoryStream(content))).Hash;

    private static void Tear(string path)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = 1000;
        file.Write("torn"u8);
    }

    private static async Task<byte[]> ReadAsync(TestEngine df, string hash)
    {
        await using var stream = await df.Blobs.OpenReadAsync(hash);
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Put_LeavesTheBlobReadOnly_AndNoTemporaryFile()
    {
        await using var df = TestEngine.Create();

        var hash = await StoreAsync(df, Content(1));

        var path = df.Blobs.LocalPath(hash)!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(path));
        Assert.Empty(Directory.EnumerateFiles(df.PathOf(Path.Combine("blob", "incoming"))));
    }

    [Fact]
    public async Task Write_OfLargeContent_LeavesTheBlobReadOnly()
    {
        await using var df = TestEngine.Create();
        var content = Content(2, 3_000_000);

        var info = await df.Blobs.WriteAsync((s, ct) => s.WriteAsync(content, ct).AsTask());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(df.Blobs.LocalPath(info.Hash)!));
        Assert.Equal(content, File.ReadAllBytes(df.Blobs.LocalPath(info.Hash)!));
    }

    [Fact]
    public async Task OpenRead_RefusesABlobWhoseBytesChangedOnDisk_OnFirstReadAfterARestart()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(3));
        Tear(df.Blobs.LocalPath(hash)!);
        await using var restarted = df.Reopen();

        var error = await Assert.ThrowsAsync<BlobDamagedException>(() => restarted.Blobs.OpenReadAsync(hash));

        Assert.Equal(hash, error.Hash);
        Assert.NotEqual(hash, error.ActualHash);
        Assert.Contains($"blob {hash} is damaged: its bytes hash to {error.ActualHash}", error.Message);
    }

    [Fact]
    public async Task OpenRead_RefusesABlobChangedAfterAnEarlierGoodRead()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(4));
        Assert.Equal(Content(4), await ReadAsync(df, hash));
        var path = df.Blobs.LocalPath(hash)!;
        Tear(path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1)); // a time surely other than the one the good read saw

        await Assert.ThrowsAsync<BlobDamagedException>(() => df.Blobs.OpenReadAsync(hash));
    }

    [Fact]
    public async Task DamagedBlob_IsMovedToQuarantine_AndNoLongerExists()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(5));
        var path = df.Blobs.LocalPath(hash)!;
        Tear(path);
        var torn = File.ReadAllBytes(path);
        await using var restarted = df.Reopen();

        var error = await Assert.ThrowsAsync<BlobDamagedException>(() => restarted.Blobs.OpenReadAsync(hash));

        Assert.False(File.Exists(path));
        Assert.False(await restarted.Blobs.ExistsAsync(hash));
        Assert.StartsWith(df.PathOf(Path.Combine("blob", "quarantine")), error.MovedTo);
        Assert.Equal(torn, File.ReadAllBytes(error.MovedTo!));
    }

    [Fact]
    public async Task DamagedBlob_IsHealedByStoringItsBytesAgain()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(6));
        Tear(df.Blobs.LocalPath(hash)!);
        await using var restarted = df.Reopen();
        await Assert.ThrowsAsync<BlobDamagedException>(() => restarted.Blobs.OpenReadAsync(hash));

        await StoreAsync(restarted, Content(6));

        Assert.Equal(Content(6), await ReadAsync(restarted, hash));
    }

    [Fact]
    public async Task Put_ReplacesAStoredFileOfTheWrongSize()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(7));
        var path = df.Blobs.LocalPath(hash)!;
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(path, Content(7)[..5000]); // cut short, as a torn write leaves it

        await StoreAsync(df, Content(7));

        Assert.Equal(Content(7), await ReadAsync(df, hash));
    }

    [Fact]
    public async Task SmallBlob_WhoseStoredBytesChanged_IsRefused()
    {
        await using var df = TestEngine.Create();
        var hash = (await df.Blobs.PutAsync(new MemoryStream("small value"u8.ToArray()))).Hash;
        var other = Convert.ToBase64String("other value"u8);
        await df.Documents.PutAsync("blobs", hash, null, $$"""{"bytes":"{{other}}","storedAt":"2026-01-01T00:00:00+00:00"}""", null);

        var error = await Assert.ThrowsAsync<BlobDamagedException>(() => df.Blobs.OpenReadAsync(hash));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("other value"u8)), error.ActualHash);
        Assert.False(await df.Blobs.ExistsAsync(hash));
    }

    [Fact]
    public async Task VerifyAll_ReportsTheDamagedBlobsOnly()
    {
        await using var df = TestEngine.Create();
        var whole = await StoreAsync(df, Content(8));
        var torn = await StoreAsync(df, Content(9));
        await df.Blobs.PutAsync(new MemoryStream("small and whole"u8.ToArray()));
        Tear(df.Blobs.LocalPath(torn)!);
        var collector = df.Get<BlobCollector>();

        var damaged = await collector.VerifyAsync(CancellationToken.None);

        Assert.Equal([torn], damaged.Select(d => d.Hash));
        Assert.Equal(Content(8), await ReadAsync(df, whole));
    }
}
