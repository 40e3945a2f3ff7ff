using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary><c>deepforge executions &lt;project&gt; --metrics</c> shows what each run's operations reported with <c>context.Metric</c>.</summary>
public sealed class MetricsCommandTests : IDisposable
{
    private const string Score = """
        [Operation(Category = "Test")]
        public sealed class Score(double accuracy = 0.9183) : Operation
        {
            [return: Output("accuracy")]
            public double Execute(OperationContext context)
            {
                context.Metric("accuracy", accuracy);
                context.Metric("accuracy/cat", 0.75);
                return accuracy;
            }
        }
        """;

    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public MetricsCommandTests()
    {
        _cli = new Cli(_temp["data"]);
        var seed = new SeedFolder(_temp["seed"]).WithOperations("Score.cs", Score)
            .WithPipeline(new PipelineJson("score").Operation("score", "Score").Output("out", "accuracy").Connect("score.accuracy", "out.data"));
        CliAssert.Succeeded(_cli.Run("new", "s", "--seed", seed.Path));
    }

    [Fact]
    public void Executions_WithMetrics_ShowsEachRunsMetricsInTheTable()
    {
        CliAssert.Succeeded(_cli.Run("run", "s", "score"));
        CliAssert.Succeeded(_cli.Run("run", "s", "score", "--set", "score.accuracy=0.5"));

        var table = CliAssert.Succeeded(_cli.Run("executions", "s", "--metrics")).Stdout;

        Assert.Contains("Metrics", table);
        Assert.Contains("accuracy 0.9183", table);
        Assert.Contains("accuracy 0.5", table);
        Assert.Contains("accuracy/cat 0.75", table);
    }

    [Fact]
    public void Executions_WithMetricsAndJson_GivesEachNodesMetricsByName()
    {
        CliAssert.Succeeded(_cli.Run("run", "s", "score"));

        var line = Assert.Single(CliAssert.Succeeded(_cli.Run("executions", "s", "--metrics", "--json")).StdoutLines);

        using var document = JsonDocument.Parse(line);
        var node = Assert.Single(document.RootElement.GetProperty("metrics").EnumerateArray().ToList());
        Assert.Equal("score", node.GetProperty("nodeId").GetString());
        var accuracy = node.GetProperty("metrics").EnumerateArray().First();
        Assert.Equal(("accuracy", 0.9183), (accuracy.GetProperty("name").GetString(), accuracy.GetProperty("value").GetDouble()));
    }

    [Fact]
    public void Executions_WithoutMetrics_HasNoMetricsColumn()
    {
        CliAssert.Succeeded(_cli.Run("run", "s", "score"));

        Assert.DoesNotContain("Metrics", CliAssert.Succeeded(_cli.Run("executions", "s")).Stdout);
    }

    public void Dispose() => _temp.Dispose();
}
