using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary><c>deepforge run --server</c>: Ctrl-C cancels the run on the server; <c>--detach</c> leaves it running there.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RemoteCtrlCTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task CtrlC_InARunOnAServer_CancelsTheExecutionOnTheServer()
    {
        var counter = await StartClusterAsync();
        using var run = _cluster.Server.Start("run", "stop", "forever", "--server", _cluster.Url);
        await Poll.UntilAsync(() => counter.Starts("spin") == 1 || run.HasExited, Bound, () => $"spin never started\n{run}\n{_cluster.Describe()}");
        Assert.False(run.HasExited, $"the run ended before Ctrl-C\n{run}");
        var execution = Assert.Single(await _cluster.Api.ExecutionsAsync("stop")).Id;

        run.Interrupt();
        var ended = run.WaitForExit(Bound);

        Assert.True(ended.ExitCode == 1, $"expected exit 1 from the cancelled run\n{ended}");
        Assert.Contains($"cancelling execution {execution} on {_cluster.Url}", ended.Stderr);
        Assert.Equal("cancelled", (await _cluster.Api.ExecutionAsync(execution)).Status);
        Assert.Equal(0, counter.Dones("spin"));
    }

    [Fact]
    public async Task Detach_LeavesTheRunGoingOnTheServer_AndSaysHowToFollowAndCancelIt()
    {
        var counter = await StartClusterAsync();

        var detached = CliAssert.Succeeded(_cluster.Server.Run("run", "stop", "forever", "--server", _cluster.Url, "--detach"));

        var execution = Assert.Single(await _cluster.Api.ExecutionsAsync("stop")).Id;
        Assert.Contains($"deepforge executions stop --server {_cluster.Url}", detached.Stderr);
        Assert.Contains($"deepforge cancel {execution} --server {_cluster.Url}", detached.Stderr);
        await Poll.UntilAsync(() => counter.Starts("spin") == 1, Bound, () => $"spin never started after the command returned\n{_cluster.Describe()}");
        Assert.Equal("running", (await _cluster.Api.ExecutionAsync(execution)).Status);
    }

    private async Task<CounterFile> StartClusterAsync()
    {
        var counter = new CounterFile(_cluster.Temp["counter.txt"]);
        _cluster.CreateProject("stop", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("forever").Operation("spin", "RunUntilStopped", new { counter = counter.Path, name = "spin" })));
        await _cluster.StartServerAsync();
        await _cluster.WaitForRunnersAsync(_cluster.StartWorker("worker"));
        return counter;
    }

    public void Dispose() => _cluster.Dispose();
}
