using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class CompilationTests
{
    [Fact]
    public async Task Catalog_ReusesStoredAssembly_InAnotherServiceProvider()
    {
        await using var first = TestEngine.Create();
        await first.Engine.Projects.SaveAsync(Create(Chain()));
        Assert.Contains(await first.Engine.Projects.OperationsAsync("test"), o => o.Name == "Numbers");
        var compiled = Assert.Single(await first.Documents.ListAsync("compilations", null));

        await using var second = first.Reopen();
        var operations = await second.Engine.Projects.OperationsAsync("test");
        var execution = await second.Engine.Executions.RunAsync("test", "main");

        Assert.Contains(operations, o => o.Name == "Numbers" && o.Origin == "project");
        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        // Compiling again would have written the compilation record again (a new version) and its blob.
        var reused = Assert.Single(await second.Documents.ListAsync("compilations", null));
        Assert.Equal((compiled.Id, compiled.Version, compiled.Json), (reused.Id, reused.Version, reused.Json));
        Assert.Equal(BlobOf(compiled), execution.AssemblyBlob);
    }

    [Fact]
    public async Task Catalog_CompilesAgain_WhenSourcesChange()
    {
        await using var df = TestEngine.Create();
        var project = Create(Chain());
        await df.Engine.Projects.SaveAsync(project);
        await df.Engine.Projects.OperationsAsync("test");

        project.Sources.Add(new SourceFile("ops/Extra.cs", "public sealed class Extra : Operation { public void Execute() { } }"));
        await df.Engine.Projects.SaveAsync(project);
        var operations = await df.Engine.Projects.OperationsAsync("test");

        Assert.Contains(operations, o => o.Name == "Extra");
        Assert.Equal(2, (await df.Documents.ListAsync("compilations", null)).Count);
    }

    private static string BlobOf(DeepForge.Storage.StoredDocument compilation) =>
        System.Text.Json.JsonDocument.Parse(compilation.Json).RootElement.GetProperty("assemblyBlob").GetString()!;
}
