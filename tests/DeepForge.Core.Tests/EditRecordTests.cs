using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>ProjectService keeps who changed what: a bounded history, repeated edits folded, local writes named by the local user.</summary>
public sealed class EditRecordTests
{
    [Fact]
    public async Task History_KeepsOnlyTheNewest200Edits_WhenMoreAreMade()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()), "creator");

        for (var i = 0; i < 205; i++)
            await df.Engine.Projects.UpdateAsync("test", p => { p.Description = $"edit {i}"; return true; }, $"person{i % 2}");
        var project = await df.Engine.Projects.GetAsync("test");

        Assert.Equal(200, project.History.Count);
        Assert.DoesNotContain(project.History, e => e.By == "creator");
        Assert.Equal("person0", project.History[^1].By);
    }

    [Fact]
    public async Task History_FoldsRepeatedEditsOfOneObjectByOnePerson_IntoOneLine()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()), "creator");

        for (var i = 0; i < 3; i++)
            await df.Engine.Projects.UpdateAsync("test", p => { p.Pipelines[0].Description = $"edit {i}"; return true; }, "alice");
        var project = await df.Engine.Projects.GetAsync("test");

        Assert.Equal(2, project.History.Count);
        Assert.Equal(("alice", $"changed pipeline {project.Pipelines[0].Name}"), (project.History[1].By, project.History[1].Summary));
    }

    [Fact]
    public async Task Save_WithoutAPerson_RecordsTheLocalUser()
    {
        await using var df = TestEngine.Create();

        await df.Engine.Projects.SaveAsync(Create(Chain()));
        var project = await df.Engine.Projects.GetAsync("test");

        Assert.Equal(DeepForge.Projects.ProjectEditors.Local, project.LastEdit?.By);
        Assert.False(string.IsNullOrWhiteSpace(project.LastEdit?.By));
    }

    [Fact]
    public async Task Save_ThatChangesNothing_RecordsNoEdit()
    {
        await using var df = TestEngine.Create();
        await df.Engine.Projects.SaveAsync(Create(Chain()), "creator");
        var project = await df.Engine.Projects.GetAsync("test");

        await df.Engine.Projects.SaveAsync(project, "someone");
        var stored = await df.Engine.Projects.GetAsync("test");

        Assert.Equal("creator", stored.LastEdit?.By);
        Assert.Single(stored.History);
    }
}
