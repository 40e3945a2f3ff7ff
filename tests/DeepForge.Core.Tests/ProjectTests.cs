using DeepForge.Models;
using DeepForge.Projects;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class ProjectTests
{
    [Fact]
    public async Task CreateFromSeed_LoadsPipelinesAndSources_AndRuns()
    {
        var seeds = Path.Combine(Path.GetTempPath(), "deepforge-core-tests", Guid.NewGuid().ToString("n"));
        try
        {
            var seed = Create(Chain());
            seed.Description = "a chain of numbers";
            ProjectFolder.Save(seed, Path.Combine(seeds, "numbers"));
            await using var df = TestEngine.Create(df => df.AddSeedDirectory(seeds));

            var project = await df.Engine.Projects.CreateAsync("from-seed", "numbers");
            var execution = await df.Engine.Executions.RunAsync("from-seed", "main");

            Assert.Equal(("numbers", "a chain of numbers"), (project.Seed, project.Description));
            Assert.Equal(["ops/TestOps.cs"], project.Sources.Select(s => s.Path));
            Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
            Assert.Equal(20.0, await df.Engine.Artifacts.ReadAsync<double>((await df.Engine.Artifacts.FindAsync("from-seed", "total"))!));
            var again = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.CreateAsync("from-seed", "numbers"));
            Assert.Equal("project 'from-seed'", Assert.Single(again.Problems).Location);
        }
        finally
        {
            Directory.Delete(seeds, recursive: true);
        }
    }

    [Fact]
    public void LoadFolder_KeepsSources_WhenTheSeedLivesUnderABinFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "deepforge-core-tests", Guid.NewGuid().ToString("n"));
        try
        {
            var seed = Create(Chain());
            seed.Sources.Add(new SourceFile("bin/Leftover.cs", "// build output inside the seed: skipped"));
            var folder = Path.Combine(root, "bin", "Release", "seeds", "numbers");
            ProjectFolder.Save(seed, folder);

            var loaded = ProjectFolder.Load(folder, "numbers");

            Assert.Equal(["ops/TestOps.cs"], loaded.Sources.Select(s => s.Path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("../outside.cs")]
    [InlineData("../project2/sibling.cs")]
    public void SaveFolder_RefusesSourcePathLeavingTheFolder(string path)
    {
        var root = Path.Combine(Path.GetTempPath(), "deepforge-core-tests", Guid.NewGuid().ToString("n"));
        try
        {
            var project = Create();
            project.Sources = [new SourceFile(path, "// not allowed here")];

            var error = Assert.Throws<DeepForgeException>(() => ProjectFolder.Save(project, Path.Combine(root, "project")));

            Assert.Equal($"source '{path}'", Assert.Single(error.Problems).Location);
            Assert.Empty(Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Save_RefusesProjectNameThatIsNotAName()
    {
        await using var df = TestEngine.Create();
        var project = Create();
        project.Name = "../evil";

        var error = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Projects.SaveAsync(project));

        Assert.Equal("project '../evil'", Assert.Single(error.Problems).Location);
        Assert.Empty(await df.Engine.Projects.ListAsync());
    }
}
