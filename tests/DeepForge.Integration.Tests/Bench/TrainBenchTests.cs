using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Bench;

/// <summary>
/// <c>deepforge bench train</c> from <c>./deepforge</c>, small: it runs the cifar10 seed's Train through a pipeline and the
/// bare loop round by round and prints one JSON line with the ratio, its spread and the pipeline's phases; never how fast.
/// </summary>
public sealed class TrainBenchTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public TrainBenchTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Train_PrintsTheMedianRoundRatio_WithinTheSpreadOfItsRounds()
    {
        var figures = RunSmall();

        Assert.Equal(("train", 3), (figures.GetProperty("benchmark").GetString(), figures.GetProperty("rounds").GetInt32()));
        var (ratio, spread) = (figures.GetProperty("ratio").GetDouble(), figures.GetProperty("ratioSpread"));
        Assert.InRange(ratio, spread.GetProperty("lowest").GetDouble(), spread.GetProperty("highest").GetDouble());
        Assert.True(ratio > 0, figures.ToString());
    }

    [Fact]
    public void Train_PrintsThePipelinesPhases_WithTheLoopTheLongest()
    {
        var phases = RunSmall().GetProperty("phasesMs");

        var loop = phases.GetProperty("loop").GetDouble();
        foreach (var phase in new[] { "create", "start", "input", "output", "finish" })
            Assert.InRange(phases.GetProperty(phase).GetDouble(), 0, loop);
        Assert.True(phases.GetProperty("checkpointSerialisation").GetDouble() > 0, phases.ToString());
    }

    [Theory]
    [InlineData("--rounds", "0")]
    [InlineData("--epochs", "0")]
    [InlineData("--images", "8")]
    public void Train_WithAnOptionOutOfRange_IsRefusedInOneLine(string option, string value)
    {
        OneLineError.Assert(_cli.Run("bench", "train", option, value, "--json"), 2, option);
    }

    public void Dispose() => _temp.Dispose();

    private JsonElement RunSmall()
    {
        var result = CliAssert.Succeeded(_cli.Run(TimeSpan.FromMinutes(5), "bench", "train", "--images", "256", "--epochs", "2", "--rounds", "3", "--json"));
        Assert.True(result.StdoutLines.Length == 1, $"expected one line on stdout\n{result}");
        return JsonDocument.Parse(result.StdoutLines[0]).RootElement.Clone();
    }
}
