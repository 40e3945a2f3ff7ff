using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Terminal;

/// <summary>An operation's <c>context.Progress</c> shows in <c>run</c>'s output, and <c>--graphs</c> draws its graphs as text.</summary>
public sealed class ProgressTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public ProgressTests()
    {
        _cli = new Cli(_temp["data"]);
        CliAssert.Succeeded(_cli.Run("new", "t", "--seed", TerminalSeed.Write(_temp, _temp["marker"], _temp["release"]).Path));
    }

    [Fact]
    public void Run_PrintsProgressLinesOfTheNode_WhenOutputIsNotATerminal()
    {
        var result = CliAssert.Succeeded(_cli.Run("run", "t", "count"));

        Assert.Contains(result.Stderr.Split('\n'), l => l.Contains("count: progress 1/5 (20%) loss 1.00", StringComparison.Ordinal));
        Assert.Contains(result.Stderr.Split('\n'), l => l.Contains("count: progress 5/5 (100%) loss 0.20", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WithGraphs_PrintsATextChartOfEachGraphAtTheEnd()
    {
        var result = CliAssert.Succeeded(_cli.Run("run", "t", "count", "--graphs"));

        var chart = result.Stdout[result.Stdout.IndexOf("count: Loss", StringComparison.Ordinal)..];
        Assert.Contains("* loss", chart);
        Assert.Contains("1 .. 2", chart);
    }

    [Fact]
    public void Log_WithGraphs_PrintsTheChartOfAFinishedExecution()
    {
        CliAssert.Succeeded(_cli.Run("run", "t", "count"));
        var execution = Assert.Single(ExecutionList.Read(_cli, "t"));

        Assert.Contains("count: Loss", CliAssert.Succeeded(_cli.Run("log", execution.Id, "--graphs")).Stdout);
    }

    public void Dispose() => _temp.Dispose();
}
