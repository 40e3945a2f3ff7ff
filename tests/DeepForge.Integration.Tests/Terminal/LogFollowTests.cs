using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Terminal;

/// <summary><c>deepforge log EXEC --follow</c> prints a run's output as it comes and ends when the run ends.</summary>
public sealed class LogFollowTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public LogFollowTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void LogFollow_OfARunningLocalExecution_PrintsItsOutputUntilItSucceeds()
    {
        var (marker, release) = (_temp["marker"], _temp["release"]);
        CliAssert.Succeeded(_cli.Run("new", "t", "--seed", TerminalSeed.Write(_temp, marker, release).Path));
        using var run = _cli.Start("run", "t", "make");
        Eventually.Holds(() => File.Exists(marker) || run.HasExited, Bound, () => $"the gate was never reached\n{run}");
        var execution = Assert.Single(ExecutionList.Read(_cli, "t"));

        using var follow = _cli.Start("log", execution.Id, "--follow");
        Eventually.Holds(() => follow.ToString().Contains("gate | before the gate") || follow.HasExited, Bound, () => $"log --follow printed nothing\n{follow}");
        Assert.False(follow.HasExited, $"log --follow ended while the execution was running\n{follow}");
        File.WriteAllText(release, "go");
        var followed = follow.WaitForExit(Bound);

        Assert.True(followed.ExitCode == 0, $"expected exit 0\n{followed}");
        Assert.Contains("gate | after the gate", followed.Stdout);
        Assert.Contains($"Execution {execution.Id} of t/make: succeeded", followed.Stderr);
        CliAssert.Succeeded(run.WaitForExit(Bound));
    }

    public void Dispose() => _temp.Dispose();
}
