using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary><c>deepforge cancel</c> from another process stops a running execution.</summary>
public sealed class CancelTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public CancelTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Cancel_OfARunningExecutionFromAnotherProcess_StopsTheRunWithExitCodeOneAndMarksItCancelled()
    {
        var marker = _temp["spinning"];
        var seed = new SeedFolder(_temp["seed"])
            .WithOperations(TestOperations.FileName, TestOperations.Source)
            .WithPipeline(new PipelineJson("spin").Operation("spin", "Spin", new { marker }));
        CliAssert.Succeeded(_cli.Run("new", "s", "--seed", seed.Path));

        using var run = _cli.Start("run", "s", "spin");
        Eventually.Holds(() => File.Exists(marker) || run.HasExited, Bound, () => $"the operation never started\n{run}");
        Assert.False(run.HasExited, $"the run ended before it was cancelled\n{run}");
        var execution = Assert.Single(ExecutionList.Read(_cli, "s"));
        Assert.Equal("running", execution.Status);

        CliAssert.Succeeded(_cli.Run("cancel", execution.Id));
        var ended = run.WaitForExit(Bound);

        Assert.True(ended.ExitCode == 1, $"expected exit 1 from the cancelled run\n{ended}");
        Assert.Equal("cancelled", Assert.Single(ExecutionList.Read(_cli, "s")).Status);
        Assert.Contains("cancelled", CliAssert.Succeeded(_cli.Run("executions", "s")).Stdout);
    }

    public void Dispose() => _temp.Dispose();
}
