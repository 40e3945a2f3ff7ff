using DeepForge.Integration.Tests.Infrastructure;
using DeepForge.Integration.Tests.Terminal;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>The terminal's read commands with <c>--server</c>: progress, <c>log --follow</c>, and what a queued job waits for.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RemoteTerminalTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task Executions_WithServer_ShowsWhatAJobNobodyLeasedWaitsFor()
    {
        _cluster.CreateProject("t", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(TerminalOperations.FileName, TerminalOperations.Source)
            .WithPipeline(new PipelineJson("count").Operation("count", "Count").Labels("count", "gpu")));
        await _cluster.StartServerAsync();

        using var run = _cluster.Server.Start("run", "t", "count", "--server", _cluster.Url);

        CliResult? listed = null;
        Eventually.Holds(() => (listed = _cluster.Server.Run("executions", "t", "--server", _cluster.Url)).Stdout.Contains("queued: waiting for a worker with: gpu"),
            Bound, () => $"executions never showed the queued reason\n{listed}\n{run}");
    }

    [Fact]
    public async Task LogFollow_WithServer_FollowsARunOnAWorkerToItsEnd()
    {
        var (marker, release) = (_cluster.Temp["marker"], _cluster.Temp["release"]);
        _cluster.CreateProject("t", TerminalSeed.Write(_cluster.Temp, marker, release));
        await _cluster.StartServerAsync();
        await _cluster.WaitForRunnersAsync(_cluster.StartWorker("cpu"));
        using var run = _cluster.Server.Start("run", "t", "make", "--server", _cluster.Url);
        Eventually.Holds(() => File.Exists(marker) || run.HasExited, Bound, () => $"the gate was never reached\n{run}\n{_cluster.Describe()}");
        var execution = Assert.Single(await _cluster.Api.ExecutionsAsync("t")).Id;

        using var follow = _cluster.Server.Start("log", execution, "--follow", "--server", _cluster.Url);
        Eventually.Holds(() => follow.ToString().Contains("gate | before the gate") || follow.HasExited, Bound, () => $"log --follow printed nothing\n{follow}");
        Assert.False(follow.HasExited, $"log --follow ended while the execution was running\n{follow}");
        File.WriteAllText(release, "go");
        var followed = follow.WaitForExit(Bound);

        Assert.True(followed.ExitCode == 0, $"expected exit 0\n{followed}");
        Assert.Contains("gate | after the gate", followed.Stdout);
        CliAssert.Succeeded(run.WaitForExit(Bound));
    }

    [Fact]
    public async Task RunWithServer_PrintsTheProgressAWorkerReports()
    {
        // Four seconds of steps: the worker sends feedback with its heartbeats, and the command polls.
        _cluster.CreateProject("t", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(TerminalOperations.FileName, TerminalOperations.Source)
            .WithPipeline(new PipelineJson("count").Operation("count", "Count", new { steps = 40 })));
        await _cluster.StartServerAsync();
        await _cluster.WaitForRunnersAsync(_cluster.StartWorker("cpu"));

        var ran = CliAssert.Succeeded(_cluster.Server.Run("run", "t", "count", "--server", _cluster.Url));

        Assert.Contains("count: progress ", ran.Stderr);
    }

    public void Dispose() => _cluster.Dispose();
}
