using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class CachingTests
{
    [Fact]
    public async Task Run_ReusesCachedOutputs_WhenNothingChanged()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");
        var project = Create(Chain(tally: tally));
        await df.RunAsync(project, "main");

        var second = await df.RunAsync(project, "main");

        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        foreach (var node in new[] { "numbers", "scale", "sum" })
            Assert.True((await df.NodeAsync(second.Id, node)).FromCache, $"{node} should come from the cache");
        Assert.Equal(new Dictionary<string, int> { ["Numbers"] = 1, ["Scale"] = 1, ["Sum"] = 1 }, ReadTally(tally));
        var artifact = await df.Engine.Artifacts.FindAsync("test", "total");
        Assert.Equal(second.Id, artifact!.ExecutionId);
        Assert.Equal(20.0, await df.Engine.Artifacts.ReadAsync<double>(artifact));
    }

    [Fact]
    public async Task Run_RecordsCacheMissReason_WhenAttributeChanged()
    {
        await using var df = TestEngine.Create();
        await df.RunAsync(Create(Chain(factor: 2)), "main");

        var second = await df.RunAsync(Create(Chain(factor: 3)), "main");

        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        Assert.True((await df.NodeAsync(second.Id, "numbers")).FromCache);
        var scale = await df.NodeAsync(second.Id, "scale");
        Assert.False(scale.FromCache);
        Assert.Equal("attribute 'factor' changed", scale.CacheMissReason);
        Assert.Equal("input 'values' changed", (await df.NodeAsync(second.Id, "sum")).CacheMissReason);
        Assert.Equal(30.0, await df.Engine.Artifacts.ReadAsync<double>((await df.Engine.Artifacts.FindAsync("test", "total"))!));
    }

    [Fact]
    public async Task Run_ExecutesAgain_WhenCacheTurnedOff()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");
        var project = Create(Chain(tally: tally));
        await df.RunAsync(project, "main");

        var second = await df.RunAsync(project, "main", new RunOptions { UseCache = false });

        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        var sum = await df.NodeAsync(second.Id, "sum");
        Assert.False(sum.FromCache);
        Assert.Equal("cache turned off for this run", sum.CacheMissReason);
        Assert.Equal(new Dictionary<string, int> { ["Numbers"] = 2, ["Scale"] = 2, ["Sum"] = 2 }, ReadTally(tally));
    }

    [Fact]
    public async Task Run_ExecutesAgain_WhenOperationIsNotCacheable()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");
        var project = Create(Pipeline().Op("fresh", "Fresh", ("tally", tally)));
        await df.RunAsync(project, "main");

        var second = await df.RunAsync(project, "main");

        var fresh = await df.NodeAsync(second.Id, "fresh");
        Assert.False(fresh.FromCache);
        Assert.Equal("operation 'Fresh' is not cacheable", fresh.CacheMissReason);
        Assert.Equal(2, ReadTally(tally)["Fresh"]);
    }
}
