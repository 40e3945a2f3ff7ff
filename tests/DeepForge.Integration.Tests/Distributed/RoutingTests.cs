using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>A job that needs a label no connected worker has waits, and says so, until such a worker joins.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RoutingTests : IDisposable
{
    private const string Waiting = "waiting for a worker with: gpu";
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task GpuJob_WhileOnlyACpuWorkerIsConnected_WaitsSayingSoAndRunsOnTheGpuWorkerAsSoonAsItJoins()
    {
        var counter = new CounterFile(_cluster.Temp["counter.txt"]);
        var api = _cluster.Api;
        _cluster.CreateProject("route", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("train").Operation("train", "OnGpu", new { counter = counter.Path, name = "train" })));
        await _cluster.StartServerAsync();
        var cpu = _cluster.StartWorker("cpu");
        await _cluster.WaitForRunnersAsync(cpu);
        Assert.DoesNotContain("gpu", Assert.Single(await api.RunnersAsync()).Labels);

        using var run = _cluster.Server.Start("run", "route", "train", "--server", _cluster.Url);
        var execution = await Poll.UntilAsync(async () => (await api.ExecutionsAsync("route")).SingleOrDefault()?.Id, Bound, () => $"no execution\n{run}");
        var waiting = await Poll.UntilAsync(async () => (await api.ExecutionAsync(execution)).Node("train").Waiting, Bound,
            () => $"the node never said what it waits for\n{run}\n{_cluster.Describe()}");
        await Poll.UntilAsync(() => run.ToString().Contains(Waiting), TimeSpan.FromSeconds(30), () => $"run --server did not print '{Waiting}'\n{run}");

        Assert.Equal(Waiting, waiting);
        var queued = await api.JobOfAsync(execution, "train");
        Assert.Equal(("queued", (string?)null, 0), (queued!.Status, queued.RunnerId, queued.Attempts));
        Assert.Equal(0, counter.Starts("train"));
        Assert.False(run.HasExited, $"the run ended while its job waited\n{run}");

        var gpu = _cluster.StartWorker("gpu", labels: ["gpu"]);
        var ran = run.WaitForExit(Bound);

        CliAssert.Succeeded(ran);
        Assert.Contains(Waiting, ran.Stderr);
        var job = Assert.Single(await api.JobsAsync(execution));
        Assert.Equal(("succeeded", 1), (job.Status, job.Attempts));
        Assert.True(gpu.Owns(job.RunnerId!), $"the job ran on {job.RunnerId}, not on the gpu worker\n{_cluster.Describe()}");
        Assert.Contains("gpu", (await api.RunnersAsync()).Single(r => r.Id == job.RunnerId).Labels);
        Assert.Equal(1, counter.Dones("train"));
    }

    public void Dispose() => _cluster.Dispose();
}
