using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>Every project write is a compare-and-set on the version the writer read, so no writer silently overwrites another.</summary>
public sealed class ProjectVersionTests
{
    [Fact]
    public async Task Save_GivesTheProjectTheNewVersion_ThatGetReadsBack()
    {
        await using var df = TestEngine.Create();
        var project = Create(Chain());

        await df.Engine.Projects.SaveAsync(project);
        var first = project.Version;
        project.Description = "changed";
        await df.Engine.Projects.SaveAsync(project);

        Assert.True(first > 0);
        Assert.True(project.Version > first);
        Assert.Equal(project.Version, (await df.Engine.Projects.GetAsync("test")).Version);
    }

    [Fact]
    public async Task Save_IsRefused_WhenTheCopyWasReadBeforeAnotherSave()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()));
        var mine = await df.Engine.Projects.GetAsync("test");
        var theirs = await df.Engine.Projects.GetAsync("test");
        theirs.Pipelines.Add(Pipeline("theirs").Op("numbers", "Numbers"));
        await df.Engine.Projects.SaveAsync(theirs);
        mine.Description = "stale";

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.SaveAsync(mine));

        Assert.Contains($"it is at version {theirs.Version} now", error.Message);
        var stored = await df.Engine.Projects.GetAsync("test");
        Assert.NotNull(stored.FindPipeline("theirs"));
        Assert.Null(stored.Description);
    }

    [Fact]
    public async Task Save_IsRefused_WhenANewProjectWouldReplaceOneOfTheSameName()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()));

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.SaveAsync(Create()));

        Assert.Contains("already exists", error.Message);
        Assert.Single((await df.Engine.Projects.GetAsync("test")).Pipelines);
    }

    [Fact]
    public async Task Update_AppliesTheChangeAgainOnTheNewerVersion_WhenAnotherWriterSavedInBetween()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()));
        var calls = 0;

        var stored = await df.Engine.Projects.UpdateAsync("test", p =>
        {
            if (++calls == 1) AnotherWriterAddsAPipeline(df).GetAwaiter().GetResult();
            p.Description = "mine";
            return true;
        });

        Assert.Equal(2, calls);
        var latest = await df.Engine.Projects.GetAsync("test");
        Assert.Equal(("mine", stored.Version), (latest.Description, latest.Version));
        Assert.NotNull(latest.FindPipeline("theirs"));
    }

    [Fact]
    public async Task Update_StoresNothing_WhenTheChangeSaysNothingChanged()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()));
        var before = (await df.Engine.Projects.GetAsync("test")).Version;

        await df.Engine.Projects.UpdateAsync("test", _ => false);

        Assert.Equal(before, (await df.Engine.Projects.GetAsync("test")).Version);
    }

    private static async Task AnotherWriterAddsAPipeline(TestEngine df)
    {
        var other = await df.Engine.Projects.GetAsync("test");
        other.Pipelines.Add(new PipelineDefinition { Name = "theirs" });
        await df.Engine.Projects.SaveAsync(other);
    }
}
