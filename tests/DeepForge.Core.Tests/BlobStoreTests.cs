using System.Security.Cryptography;
using System.Text;

namespace DeepForge.Core.Tests;

public sealed class BlobStoreTests
{
    [Fact]
    public async Task Put_NamesBlobBySha256OfItsContent()
    {
        await using var df = TestEngine.Create();
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("some bytes ", 1000)));

        var info = await df.Blobs.PutAsync(new MemoryStream(content));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), info.Hash);
        Assert.Equal(content.Length, info.Size);
        Assert.Equal(content.Length, await df.Blobs.SizeOfAsync(info.Hash));
        Assert.Equal(Path.Combine(df.Directory, "blob", info.Hash[..2], info.Hash), df.Blobs.LocalPath(info.Hash));
        await using var read = await df.Blobs.OpenReadAsync(info.Hash);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task Put_StoresSameContentOnce()
    {
        await using var df = TestEngine.Create();

        var same = new byte[10_000];
        Array.Fill(same, (byte)7);
        var first = await df.Blobs.PutAsync(new MemoryStream(same));
        var second = await df.Blobs.WriteAsync((s, ct) => s.WriteAsync(same, ct).AsTask());

        Assert.Equal(first, second);
        Assert.Single(StoredFiles(df));
    }

    [Fact]
    public async Task Write_StoresContentLargerThanTheMemoryBuffer_AsOneWholeFile()
    {
        await using var df = TestEngine.Create();
        var content = new byte[3_000_000];
        new Random(1).NextBytes(content);

        var info = await df.Blobs.WriteAsync(async (s, ct) =>
        {
            await s.WriteAsync(content.AsMemory(0, 100), ct);
            s.Write(content, 100, content.Length - 100);
        });

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), info.Hash);
        Assert.Equal(content, File.ReadAllBytes(df.Blobs.LocalPath(info.Hash)!));
    }

    [Fact]
    public async Task Put_KeepsSmallContentInTheStore_WithoutAFile()
    {
        await using var df = TestEngine.Create();

        var info = await df.Blobs.PutAsync(new MemoryStream("small"u8.ToArray()));

        Assert.Empty(StoredFiles(df));
        Assert.Null(df.Blobs.LocalPath(info.Hash));
        Assert.True(await df.Blobs.ExistsAsync(info.Hash));
        Assert.Equal(5, await df.Blobs.SizeOfAsync(info.Hash));
        await using var read = await df.Blobs.OpenReadAsync(info.Hash);
        Assert.Equal("small"u8.ToArray(), new BinaryReader(read).ReadBytes(10));
    }

    [Fact]
    public async Task Put_RefusesLargeContentOfAnotherHash_AndKeepsNothing()
    {
        await using var df = TestEngine.Create();
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(3).NextBytes(content);
        var claimed = Convert.ToHexStringLower(SHA256.HashData("what was announced"u8));

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Blobs.PutAsync(new MemoryStream(content), claimed));

        Assert.Contains(claimed, error.Message);
        Assert.False(await df.Blobs.ExistsAsync(Convert.ToHexStringLower(SHA256.HashData(content))));
        Assert.Empty(StoredFiles(df));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(df.Directory, "blob", "incoming")));
    }

    [Fact]
    public async Task Put_StoresLargeContentWhole_WhenItsHashIsExpected()
    {
        await using var df = TestEngine.Create();
        var content = new byte[2 * 1024 * 1024 + 5];
        new Random(4).NextBytes(content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));

        var info = await df.Blobs.PutAsync(new MemoryStream(content), hash);

        Assert.Equal(hash, info.Hash);
        Assert.Equal(content, File.ReadAllBytes(df.Blobs.LocalPath(hash)!));
    }

    [Fact]
    public async Task Put_RefusesContentOfAnotherHash_AndKeepsNothing()
    {
        await using var df = TestEngine.Create();
        var content = "what arrived"u8.ToArray();
        var claimed = Convert.ToHexStringLower(SHA256.HashData("what was announced"u8));

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Blobs.PutAsync(new MemoryStream(content), claimed));

        Assert.Contains(claimed, error.Message);
        Assert.False(await df.Blobs.ExistsAsync(Convert.ToHexStringLower(SHA256.HashData(content))));
        Assert.False(await df.Blobs.ExistsAsync(claimed));
        Assert.Empty(StoredFiles(df));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("")]
    public async Task Blobs_RefuseNamesThatAreNotHashes(string name)
    {
        await using var df = TestEngine.Create();

        await Assert.ThrowsAsync<DeepForgeException>(() => df.Blobs.OpenReadAsync(name));
        await Assert.ThrowsAsync<DeepForgeException>(() => df.Blobs.PutAsync(new MemoryStream([1, 2, 3]), name));
        Assert.False(await df.Blobs.ExistsAsync(name));
        Assert.Null(df.Blobs.LocalPath(name));
        Assert.Null(await df.Blobs.SizeOfAsync(name));
        Assert.Empty(StoredFiles(df));
    }

    [Fact]
    public async Task OpenRead_NamesMissingBlob()
    {
        await using var df = TestEngine.Create();
        var hash = new string('a', 64);

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Blobs.OpenReadAsync(hash));

        Assert.Contains(hash, error.Message);
    }

    /// <summary>Every file under blob.dir, including the incoming folder (where a refused upload must not linger).</summary>
    private static List<string> StoredFiles(TestEngine df)
    {
        var root = Path.Combine(df.Directory, "blob");
        return Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList() : [];
    }
}
