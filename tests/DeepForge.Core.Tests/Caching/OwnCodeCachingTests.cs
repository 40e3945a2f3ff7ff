using DeepForge.Models;
using static DeepForge.Core.Tests.Caching.OwnCodeProject;

namespace DeepForge.Core.Tests.Caching;

/// <summary>An operation's cached outputs depend on its own code and the project types it uses, not on the whole project.</summary>
public sealed class OwnCodeCachingTests
{
    [Fact]
    public async Task Train_StaysCached_WhenACommentInAnotherOperationsFileChanged()
    {
        var train = await RunAgainAfter(Test, code => code.Replace("// Scores nothing.", "// Scores nothing at all, yet."));

        Assert.True(train.FromCache, train.CacheMissReason);
    }

    [Fact]
    public async Task Train_StaysCached_WhenAnotherOperationsCodeChanged()
    {
        var train = await RunAgainAfter(Test, code => code.Replace("=> 1;", "=> 2;"));

        Assert.True(train.FromCache, train.CacheMissReason);
    }

    [Fact]
    public async Task Train_StaysCached_WhenAnUnusedTypeChanged()
    {
        var train = await RunAgainAfter(Unused, code => code.Replace("int Value", "long Value, string Name"));

        Assert.True(train.FromCache, train.CacheMissReason);
    }

    [Fact]
    public async Task Train_StaysCached_WhenOnlyACommentInItsOwnFileChanged()
    {
        var train = await RunAgainAfter(Train, code => code.Replace("// Counts itself", "// Still counts itself"));

        Assert.True(train.FromCache, train.CacheMissReason);
    }

    [Fact]
    public async Task Train_RunsAgain_NamingItsFile_WhenItsCodeChanged()
    {
        var train = await RunAgainAfter(Train, code => code.Replace("Helper.Twice(Offset)", "Helper.Twice(Offset) + 1"));

        Assert.False(train.FromCache);
        Assert.Equal($"operation code changed: {Train}", train.CacheMissReason);
    }

    [Fact]
    public async Task Train_RunsAgain_NamingTheHelpersFile_WhenAHelperItCallsChanged()
    {
        var train = await RunAgainAfter(Helper, code => code.Replace("value * 2", "value * 3"));

        Assert.False(train.FromCache);
        Assert.Equal($"a type it uses changed: {Helper}", train.CacheMissReason);
    }

    [Fact]
    public async Task Train_RunsAgain_NamingTheBaseClassFile_WhenItsBaseClassChanged()
    {
        var train = await RunAgainAfter(Trainer, code => code.Replace("=> 21", "=> 22"));

        Assert.False(train.FromCache);
        Assert.Equal($"a type it uses changed: {Trainer}", train.CacheMissReason);
    }

    /// <summary>Runs the project, then again with one file edited; answers the second run's Train node.</summary>
    private static async Task<NodeRecord> RunAgainAfter(string file, Func<string, string> edit)
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");
        var first = await df.RunAsync(Create(tally), "main");
        Assert.Equal(ExecutionStatus.Succeeded, first.Status);
        var edited = Create(tally, file, edit);
        Assert.NotEqual(Sources[file], edited.Sources.Single(s => s.Path == file).Text);

        var second = await df.RunAsync(edited, "main");

        Assert.Equal(ExecutionStatus.Succeeded, second.Status);
        return await df.NodeAsync(second.Id, "train");
    }
}
