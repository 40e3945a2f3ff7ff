using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class InputTests
{
    /// <summary>Two pipelines that each save an artifact "numbers" (1..count as doubles), and one that sums it.</summary>
    private static ProjectDefinition Project() => Create(
        Maker("make3", 3),
        Maker("make4", 4),
        Pipeline("use")
            .Input("in", "numbers")
            .Op("sum", "Sum")
            .Output("out", "total")
            .Wire("in.data", "sum.values")
            .Wire("sum.total", "out.data"));

    private static PipelineDefinition Maker(string name, int count) =>
        Pipeline(name)
            .Op("numbers", "Numbers", ("count", count))
            .Op("scale", "Scale")
            .Output("out", "numbers")
            .Wire("numbers.values", "scale.values")
            .Wire("scale.scaled", "out.data");

    [Fact]
    public async Task Run_InputNodeReadsNewestArtifactOfItsName()
    {
        await using var df = TestEngine.Create();
        await df.RunAsync(Project(), "make3");
        var newest = await df.Engine.Executions.RunAsync("test", "make4");

        var execution = await df.Engine.Executions.RunAsync("test", "use");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal($"{newest.Id}-out", execution.Inputs["in"]);
        Assert.Equal(10.0, await df.Engine.Artifacts.ReadAsync<double>((await df.Engine.Artifacts.FindAsync("test", "total"))!));
    }

    [Fact]
    public async Task Run_UsesArtifactGivenInRunOptions_OverNewest()
    {
        await using var df = TestEngine.Create();
        var older = await df.RunAsync(Project(), "make3");
        await df.Engine.Executions.RunAsync("test", "make4");
        var options = new RunOptions();
        options.Inputs["in"] = $"{older.Id}-out";

        var execution = await df.Engine.Executions.RunAsync("test", "use", options);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Equal($"{older.Id}-out", execution.Inputs["in"]);
        Assert.Equal(6.0, await df.Engine.Artifacts.ReadAsync<double>((await df.Engine.Artifacts.FindAsync("test", "total"))!));
    }
}
