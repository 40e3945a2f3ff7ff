using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>A run whose process is killed with SIGKILL shows as interrupted, and resume finishes it without running finished operations again.</summary>
public sealed class KillAndResumeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public KillAndResumeTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Resume_AfterTheRunningProcessIsKilled_FinishesTheRunWithoutRunningFinishedOperationsAgain()
    {
        var (counter, release) = (_temp["counter.txt"], _temp["release"]);
        var seed = new SeedFolder(_temp["seed"])
            .WithOperations(TestOperations.FileName, TestOperations.Source)
            .WithPipeline(new PipelineJson("chain")
                .Operation("a", "Step", new { counter, name = "a" })
                .Operation("b", "Step", new { counter, name = "b", release })
                .Operation("c", "Step", new { counter, name = "c" })
                .Connect("a.value", "b.value")
                .Connect("b.value", "c.value"));
        CliAssert.Succeeded(_cli.Run("new", "k", "--seed", seed.Path));

        using (var run = _cli.Start("run", "k", "chain"))
        {
            Eventually.Holds(() => Lines(counter).Contains("b start") || run.HasExited, Bound, () => $"b never started\n{run}");
            Assert.False(run.HasExited, $"the run ended before it was killed\n{run}");
            Assert.Equal("running", Assert.Single(ExecutionList.Read(_cli, "k")).Status);
            run.Kill();
        }

        var interrupted = Assert.Single(ExecutionList.Read(_cli, "k"));
        Assert.Equal("interrupted", interrupted.Status);
        var table = CliAssert.Succeeded(_cli.Run("executions", "k"));
        Assert.Contains("interrupted", table.Stdout);

        File.WriteAllText(release, "go");
        CliAssert.Succeeded(_cli.Run("resume", interrupted.Id));

        var lines = Lines(counter);
        Assert.Equal(1, lines.Count(l => l == "a start"));
        Assert.Equal(1, lines.Count(l => l == "a done"));
        Assert.InRange(lines.Count(l => l == "b start"), 1, 2);
        Assert.Equal(1, lines.Count(l => l == "b done"));
        Assert.Equal(1, lines.Count(l => l == "c start"));
        Assert.Equal(1, lines.Count(l => l == "c done"));
        Assert.Equal(["a done", "b done", "c done"], lines.Where(l => l.EndsWith(" done")).ToArray());
        var finished = Assert.Single(ExecutionList.Read(_cli, "k"));
        Assert.Equal((interrupted.Id, "succeeded"), (finished.Id, finished.Status));
    }

    [Fact]
    public void Stop_OfARunWhoseOperationIgnoresTheCancel_LeavesItInterruptedNotFailed()
    {
        var (counter, release) = (_temp["counter.txt"], _temp["release"]);
        var seed = new SeedFolder(_temp["seed"])
            .WithOperations(TestOperations.FileName, TestOperations.Source)
            .WithPipeline(new PipelineJson("stubborn").Operation("b", "Step", new { counter, name = "b", release }));
        CliAssert.Succeeded(_cli.Run("new", "k", "--seed", seed.Path));

        using (var run = _cli.Start("run", "k", "stubborn"))
        {
            Eventually.Holds(() => Lines(counter).Contains("b start") || run.HasExited, Bound, () => $"b never started\n{run}");
            run.Terminate();
            var stopped = run.WaitForExit(Bound); // the parser ends the process when the operation ignores the cancel
            Assert.NotEqual(0, stopped.ExitCode);
        }

        Assert.Equal("interrupted", Assert.Single(ExecutionList.Read(_cli, "k")).Status);
    }

    public void Dispose() => _temp.Dispose();

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}
