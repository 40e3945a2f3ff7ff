using DeepForge.Models;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>A diverged loss is data: NaN and ±Infinity in feedback and outputs go through the store and come back as they were.</summary>
public sealed class NonFiniteTests
{
    [Fact]
    public async Task Run_Succeeds_WhenAnOperationAddsNonFinitePointsAndReturnsNaN()
    {
        await using var df = TestEngine.Create();

        var execution = await df.RunAsync(Create(Pipeline().Op("diverge", "Diverge").Output("out", "loss").Wire("diverge.loss", "out.data")), "main");

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }

    [Fact]
    public async Task FeedbackAndOutputs_KeepNaNAndInfinity_ReadBackFromTheStoreByAnotherEngine()
    {
        await using var df = TestEngine.Create();
        var execution = await df.RunAsync(Create(Pipeline().Op("diverge", "Diverge").Output("out", "loss").Wire("diverge.loss", "out.data")), "main");

        await using var reopened = df.Reopen();
        var events = await reopened.Engine.Executions.FeedbackAsync(execution.Id, "diverge");
        var points = events.Where(e => e.Kind == "points").SelectMany(e => e.Points!).ToArray();
        var loss = await reopened.Engine.Artifacts.ReadAsync<double>((await reopened.Engine.Artifacts.FindAsync("test", "loss"))!);

        Assert.Equal([0, 1.5, 1, double.NaN, 2, double.PositiveInfinity, 3, double.NegativeInfinity], points);
        Assert.True(double.IsNaN(loss));
    }

    [Fact]
    public void StoredJson_WritesNaNAndInfinityAsNamedStrings()
    {
        var json = Data.Json.Serialize(new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.5 });

        Assert.Equal("[\"NaN\",\"Infinity\",\"-Infinity\",1.5]", json);
    }
}
