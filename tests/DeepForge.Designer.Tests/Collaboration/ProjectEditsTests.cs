using DeepForge.Designer.Collaboration;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.Collaboration;

/// <summary>The designer's edit path stores each edit by compare-and-set, so an edit never overwrites another writer's change.</summary>
public sealed class ProjectEditsTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(TestSeeds.None);

    public Task InitializeAsync() =>
        _engine.Engine.Projects.SaveAsync(new ProjectDefinition { Name = "p", Pipelines = [new PipelineDefinition { Name = "mine" }] });

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Edit_IsAppliedAgainOnTheNewerVersion_WhenAnotherWriterStoredAChangeInBetween()
    {
        var calls = 0;
        var heard = new List<ProjectChange>();
        _engine.Edits.Changed += heard.Add;

        await _engine.Edits.ApplyAsync("p", "alice", project =>
        {
            // Another writer (the REST API, another server on the store) stores its change after this edit read the project.
            if (++calls == 1) AnotherWriterAddsAPipelineAsync().GetAwaiter().GetResult();
            project.Description = "alice's edit";
            return true;
        });

        var stored = await _engine.Engine.Projects.GetAsync("p");
        Assert.Equal(2, calls);
        Assert.Equal("alice's edit", stored.Description);
        Assert.Equal(["mine", "theirs"], stored.Pipelines.Select(p => p.Name));
        Assert.Equal(new ProjectChange("p", "alice"), Assert.Single(heard));
    }

    [Fact]
    public async Task Edit_StoresNothingAndAnnouncesNothing_WhenItChangesNothing()
    {
        var before = (await _engine.Engine.Projects.GetAsync("p")).Version;
        var heard = new List<ProjectChange>();
        _engine.Edits.Changed += heard.Add;

        await _engine.Edits.ApplyAsync("p", "alice", _ => false);

        Assert.Equal(before, (await _engine.Engine.Projects.GetAsync("p")).Version);
        Assert.Empty(heard);
    }

    private async Task AnotherWriterAddsAPipelineAsync()
    {
        var other = await _engine.Engine.Projects.GetAsync("p");
        other.Pipelines.Add(new PipelineDefinition { Name = "theirs" });
        await _engine.Engine.Projects.SaveAsync(other);
    }
}
