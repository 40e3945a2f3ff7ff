using DeepForge.Blobs;
using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class BlobCollectorTests
{
    private static byte[] Content(int seed)
    {
        var bytes = new byte[50_000];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task<string> StoreAsync(TestEngine df, byte[] content) => (await df.Blobs.PutAsync(new MemoryStream(content))).Hash;

    private static Task<BlobCollection> CollectAsync(TestEngine df, TimeSpan grace) => df.Get<BlobCollector>().CollectAsync(grace, CancellationToken.None);

    private static async Task<ArtifactRecord> UploadAsync(TestEngine df, string name, byte[] content)
    {
        var path = df.PathOf(name);
        await File.WriteAllBytesAsync(path, content);
        return await df.Engine.Artifacts.UploadFileAsync("test", name, path);
    }

    [Fact]
    public async Task Collect_FreesAnUnreferencedBlob_OlderThanTheGracePeriod()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(1));

        var result = await CollectAsync(df, TimeSpan.Zero);

        Assert.Equal([new BlobInfo(hash, 50_000)], result.Freed);
        Assert.Equal(50_000, result.FreedBytes);
        Assert.False(await df.Blobs.ExistsAsync(hash));
    }

    [Fact]
    public async Task Collect_FreesAnUnreferencedSmallBlob()
    {
        await using var df = TestEngine.Create();
        var hash = (await df.Blobs.PutAsync(new MemoryStream("small"u8.ToArray()))).Hash;

        var result = await CollectAsync(df, TimeSpan.Zero);

        Assert.Equal([hash], result.Freed.Select(b => b.Hash));
        Assert.False(await df.Blobs.ExistsAsync(hash));
    }

    [Fact]
    public async Task Collect_KeepsAnUnreferencedBlob_YoungerThanTheGracePeriod()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(2));

        var result = await CollectAsync(df, TimeSpan.FromHours(1));

        Assert.Empty(result.Freed);
        Assert.Equal(1, result.Young);
        Assert.True(await df.Blobs.ExistsAsync(hash));
    }

    [Fact]
    public async Task Collect_KeepsTheBlobOfAnArtifact()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create());
        var artifact = await UploadAsync(df, "kept", Content(3));

        var result = await CollectAsync(df, TimeSpan.Zero);

        Assert.DoesNotContain(artifact.Hash, result.Freed.Select(b => b.Hash));
        Assert.True(await df.Blobs.ExistsAsync(artifact.Hash));
    }

    [Fact]
    public async Task Collect_FreesTheBlobOfADeletedArtifact_AndKeepsOneAnotherArtifactStillUses()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create());
        var gone = await UploadAsync(df, "gone", Content(4));
        var shared = await UploadAsync(df, "shared-1", Content(5));
        await UploadAsync(df, "shared-2", Content(5));
        await df.Store.Artifacts.DeleteAsync(gone.Id, CancellationToken.None);
        await df.Store.Artifacts.DeleteAsync(shared.Id, CancellationToken.None);

        var result = await CollectAsync(df, TimeSpan.Zero);

        Assert.Equal([gone.Hash], result.Freed.Select(b => b.Hash));
        Assert.True(await df.Blobs.ExistsAsync(shared.Hash));
    }

    [Fact]
    public async Task Collect_KeepsEveryBlobAnExecutionRefersTo()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Chain()), "main");
        var outputs = (await df.Engine.Executions.NodesAsync(execution.Id)).SelectMany(n => n.Outputs.Values).Select(o => o.Hash).ToHashSet();
        Assert.NotEmpty(outputs);

        var result = await CollectAsync(df, TimeSpan.Zero);

        Assert.Empty(result.Freed.Select(b => b.Hash).Intersect(outputs));
        foreach (var hash in outputs) Assert.True(await df.Blobs.ExistsAsync(hash));
    }

    [Fact]
    public async Task Collect_KeepsTheCompiledProjectAssembly()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Chain()), "main");
        Assert.NotNull(execution.AssemblyBlob);

        await CollectAsync(df, TimeSpan.Zero);

        Assert.True(await df.Blobs.ExistsAsync(execution.AssemblyBlob));
    }

    [Fact]
    public async Task Collect_KeepsAnOldBlobStoredAgainSinceTheGracePeriodBegan()
    {
        await using var df = TestEngine.Create();
        var hash = await StoreAsync(df, Content(6));
        var path = df.Blobs.LocalPath(hash)!;
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-2));

        await StoreAsync(df, Content(6)); // an upload of the same bytes, about to be referenced
        var result = await CollectAsync(df, TimeSpan.FromHours(1));

        Assert.Empty(result.Freed);
        Assert.True(await df.Blobs.ExistsAsync(hash));
    }
}
