using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>Every write of a project refuses what cannot be written out as a folder or addressed as node.port, and stores nothing.</summary>
public sealed class ProjectShapeTests
{
    [Theory]
    [InlineData("../../evil.cs")]
    [InlineData("/etc/evil.cs")]
    [InlineData("operations/../../evil.cs")]
    [InlineData("C:\\evil.cs")]
    [InlineData("operations//Train.cs")]
    public async Task Save_RefusesASourcePathThatLeavesTheFolder_AndStoresNothing(string path)
    {
        await using var df = TestEngine.Create();
        var project = Create(Chain());
        project.Sources.Add(new SourceFile(path, "// evil"));

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.SaveAsync(project));

        Assert.Equal($"source '{path}'", Assert.Single(error.Problems).Location);
        Assert.Empty(await df.Engine.Projects.ListAsync());
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("with space")]
    [InlineData("")]
    public async Task Save_RefusesAMalformedNodeId_NamingThePipelineAndNode(string id)
    {
        await using var df = TestEngine.Create();
        var project = Create(Chain());
        project.Pipelines[0].Nodes[0].Id = id;

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.SaveAsync(project));

        Assert.Contains($"node '{id}'", Assert.Single(error.Problems).Location);
        Assert.Empty(await df.Engine.Projects.ListAsync());
    }

    [Fact]
    public async Task Save_RefusesAPipelineNameThatIsNotAFileName()
    {
        await using var df = TestEngine.Create();
        var project = Create(Chain());
        project.Pipelines[0].Name = "../main";

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.SaveAsync(project));

        Assert.Equal("pipeline '../main'", Assert.Single(error.Problems).Location);
    }

    [Fact]
    public async Task Save_StoresCodeThatDoesNotCompile_AsWorkInProgress()
    {
        await using var df = TestEngine.Create();
        var project = Create(Chain());
        project.Sources.Add(new SourceFile("operations/Broken.cs", "public class Broken {"));

        await df.Engine.Projects.SaveAsync(project);

        Assert.Contains("operations/Broken.cs", (await df.Engine.Projects.GetAsync(project.Name)).Sources.Select(s => s.Path));
    }
}
