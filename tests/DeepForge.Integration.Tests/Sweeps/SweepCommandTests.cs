using System.Globalization;
using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Sweeps;

/// <summary><c>deepforge sweep</c> on this machine: one execution per value, a table of their metrics best first, and one-line refusals.</summary>
public sealed class SweepCommandTests : IDisposable
{
    private const string Score = """
        [Operation(Category = "Test")]
        public sealed class Score(double accuracy = 0.5, string label = "a") : Operation
        {
            [return: Output("accuracy")]
            public double Execute(OperationContext context)
            {
                context.Metric("accuracy", accuracy);
                context.Metric("error", 1 - accuracy);
                return accuracy;
            }
        }
        """;

    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public SweepCommandTests()
    {
        _cli = new Cli(_temp["data"]);
        var seed = new SeedFolder(_temp["seed"]).WithOperations("Score.cs", Score)
            .WithPipeline(new PipelineJson("score").Operation("score", "Score").Output("out", "accuracy").Connect("score.accuracy", "out.data"));
        CliAssert.Succeeded(_cli.Run("new", "s", "--seed", seed.Path));
    }

    [Fact]
    public void Sweep_OfAList_RunsOneExecutionPerValue_AndMarksTheHighestMetricBest()
    {
        var result = CliAssert.Succeeded(_cli.Run("sweep", "s", "score", "--set", "score.accuracy=0.6,0.9,0.7", "--metric", "accuracy"));

        var rows = SweepTableText.Rows(result);
        Assert.Equal(["0.9", "0.7", "0.6"], rows.Select(r => r["score.accuracy"]));
        Assert.Equal(["best", "", ""], rows.Select(r => r[""]));
        Assert.Equal(rows.Select(r => r["Execution"]).Order(), ExecutionList.Read(_cli, "s").Select(e => e.Id).Order());
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"Best: execution {rows[0]["Execution"]} (score.accuracy=0.9)", StringComparison.Ordinal));
    }

    [Fact]
    public void Sweep_WithGoalMin_MarksTheLowestBest()
    {
        var result = CliAssert.Succeeded(_cli.Run("sweep", "s", "score", "--set", "score.accuracy=0.6,0.9", "--metric", "error", "--goal", "min"));

        var best = Assert.Single(SweepTableText.Rows(result), r => r[""] == "best");
        Assert.Equal(("0.9", "0.1"), (best["score.accuracy"], best["error"]));
    }

    [Fact]
    public void Sweep_OfTwoLists_RunsEveryCombination()
    {
        var result = CliAssert.Succeeded(_cli.Run("sweep", "s", "score", "--set", "score.accuracy=0.6,0.9", "--set", "score.label=x,y", "--parallel", "2"));

        var combinations = SweepTableText.Rows(result).Select(r => (r["score.accuracy"], r["score.label"])).Order().ToList();
        Assert.Equal([("0.6", "x"), ("0.6", "y"), ("0.9", "x"), ("0.9", "y")], combinations);
    }

    [Fact]
    public void Sweep_Random_DrawsThatManyRunsInsideTheRange_AndTheSameSeedDrawsTheSameValues()
    {
        string[] sweep = ["sweep", "s", "score", "--random", "3", "--range", "score.accuracy=1e-3..1e-1:log", "--seed", "42", "--json"];

        var first = Values(CliAssert.Succeeded(_cli.Run(sweep)));
        var second = Values(CliAssert.Succeeded(_cli.Run(sweep)));

        Assert.Equal(3, first.Count);
        Assert.All(first, v => Assert.InRange(v, 1e-3, 1e-1));
        Assert.Equal(first.Order(), second.Order());
    }

    [Fact]
    public void SweepShow_PrintsTheSameTable_AndSweepListNamesTheSweep()
    {
        var run = CliAssert.Succeeded(_cli.Run("sweep", "s", "score", "--set", "score.accuracy=0.6,0.9"));
        var id = SweepId(run);

        var show = CliAssert.Succeeded(_cli.Run("sweep", "show", "s", id));
        var list = CliAssert.Succeeded(_cli.Run("sweep", "list", "s"));

        Assert.Equal(SweepTableText.Rows(run), SweepTableText.Rows(show));
        Assert.Contains(list.StdoutLines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("score.accuracy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--set", "scor.accuracy=0.5", "scor.accuracy: pipeline 'score' has no node 'scor'")]
    [InlineData("--set", "score.acuracy=0.5", "node 'score' attribute 'acuracy': operation 'Score' has no such attribute")]
    [InlineData("--set", "score.accuracy=", "--set score.accuracy=: the list of values is empty")]
    [InlineData("--set", "score.accuracy=0.5,,0.6", "the list of values has an empty item")]
    [InlineData("--set", "accuracy=0.5", "--set accuracy=0.5: write it as node.attribute=value,value,...")]
    [InlineData("--range", "score.accuracy=0.1..0.5", "score.accuracy: a range is drawn from by a random sweep")]
    public void Sweep_WithBadParameters_IsRefusedInOneLine_AndStoresNoExecution(string option, string value, string message)
    {
        var result = _cli.Run("sweep", "s", "score", option, value);

        CliAssert.BadInput(result, message);
        Assert.Empty(ExecutionList.Read(_cli, "s"));
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Theory]
    [InlineData("score.accuracy=0.5..0.1", "the range 0.5..0.1 is empty")]
    [InlineData("score.accuracy=0..0.1:log", "a log range needs bounds above 0")]
    [InlineData("score.accuracy=low..high", "write it as node.attribute=low..high")]
    public void Sweep_WithABadRange_IsRefusedInOneLine(string range, string message)
    {
        var result = _cli.Run("sweep", "s", "score", "--random", "2", "--range", range);

        CliAssert.BadInput(result, message);
        Assert.Empty(ExecutionList.Read(_cli, "s"));
    }

    [Fact]
    public void Sweep_WithAValueOutsideTheAttributesType_IsRefused_BeforeAnyRunIsStored()
    {
        var result = _cli.Run("sweep", "s", "score", "--set", "score.accuracy=0.5,many");

        CliAssert.BadInput(result, "node 'score' attribute 'accuracy'");
        Assert.Empty(ExecutionList.Read(_cli, "s"));
    }

    [Fact]
    public void SweepShow_OfAnUnknownSweep_SaysSoInOneLine()
    {
        CliAssert.BadInput(_cli.Run("sweep", "show", "s", "nope"), "project 's' has no sweep 'nope'");
    }

    private static List<double> Values(CliResult result)
    {
        using var table = JsonDocument.Parse(result.StdoutLines.Single());
        return table.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("values").GetProperty("score.accuracy").GetDouble()).ToList();
    }

    internal static string SweepId(CliResult result) =>
        result.Stderr.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^Sweep (\S+) of ")).First(m => m.Success).Groups[1].Value;

    public void Dispose() => _temp.Dispose();
}
