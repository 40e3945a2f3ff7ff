using DeepForge.Models;
using static DeepForge.Core.Tests.Caching.OwnCodeProject;

namespace DeepForge.Core.Tests.Caching;

/// <summary>Cache entries stored before operations were keyed by their own code miss once, with a reason, and are replaced.</summary>
public sealed class OlderCacheEntryTests
{
    [Fact]
    public async Task Train_RunsAgain_SayingWhy_WhenItsLastEntryWasKeyedByTheWholeProject()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");
        var first = await df.RunAsync(Create(tally), "main");
        await StoreAsBeforeAsync(df, first, "own/main/train");

        var second = await df.RunAsync(Create(tally), "main");

        var train = await df.NodeAsync(second.Id, "train");
        Assert.False(train.FromCache);
        Assert.Equal("operation code changed (the earlier run was cached by the whole project's code)", train.CacheMissReason);
        Assert.True((await df.NodeAsync((await df.RunAsync(Create(tally), "main")).Id, "train")).FromCache);
    }

    /// <summary>Rewrites the node's cache entry as an older DeepForge stored it: keyed by the source hash, without per-file code.</summary>
    private static async Task StoreAsBeforeAsync(TestEngine df, ExecutionRecord execution, string latestKey)
    {
        var latest = (await df.Store.CacheLatest.GetAsync(latestKey, CancellationToken.None))!.Value;
        await df.Store.Cache.DeleteAsync(latest.Key, CancellationToken.None);
        var older = latest with { Key = "older-key", CodeHash = execution.SourceHash, Code = null };
        await df.Store.CacheLatest.PutAsync(latestKey, execution.Project, older, null, CancellationToken.None);
    }
}
