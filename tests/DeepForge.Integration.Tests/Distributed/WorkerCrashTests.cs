using System.Net;
using DeepForge.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>A worker process SIGKILLed in the middle of a job: the job goes to another worker once its lease runs out.</summary>
[Collection(DistributedCollection.Name)]
public sealed class WorkerCrashTests(ITestOutputHelper output) : IDisposable
{
    private const double LeaseSeconds = 8;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly Cluster _cluster = new(LeaseSeconds);

    public void Dispose()
    {
        output.WriteLine(_cluster.Describe());
        _cluster.Dispose();
    }

    [Fact]
    public async Task Job_WhoseWorkerIsSigkilledMidway_RunsAgainOnTheOtherWorkerWithinTheLeaseAndTheExecutionSucceedsWithItsOutputOnce()
    {
        var (counter, release) = (new CounterFile(_cluster.Temp["counter.txt"]), _cluster.Temp["release"]);
        var api = _cluster.Api;
        _cluster.CreateProject("crash", ChainSeed(counter, release));
        await _cluster.StartServerAsync();
        var workers = new[] { _cluster.StartWorker("one", recorded: true), _cluster.StartWorker("two", recorded: true) };
        await _cluster.WaitForRunnersAsync(workers);

        var execution = await api.StartAsync("crash", "chain");
        var held = await Poll.UntilAsync(async () => counter.Starts("b") == 1 && await api.JobOfAsync(execution, "b") is { Status: "leased" } job ? job : null,
            Bound, () => $"b never ran\n{counter}\n{_cluster.Describe()}");
        var killed = workers.Single(w => w.Owns(held.RunnerId!));
        var survivor = workers.Single(w => w != killed);
        var lateToken = killed.Proxy!.LeaseTokens()[held.Id];
        var killedJobProcess = counter.Pids("b").Single();

        killed.Kill();
        var killedAt = DateTime.UtcNow;

        // Its job process notices that its worker is gone and ends itself.
        await Poll.UntilAsync(() => !Poll.ProcessAlive(killedJobProcess), TimeSpan.FromSeconds(10),
            () => $"the killed worker's job process {killedJobProcess} still runs");
        var retried = await Poll.UntilAsync(async () => await api.JobOfAsync(execution, "b") is { Status: "leased", Attempts: 2 } job ? job : null,
            TimeSpan.FromSeconds(LeaseSeconds + 15), () => $"b was not leased again within its lease\n{_cluster.Describe()}");
        await Poll.UntilAsync(() => counter.Starts("b") == 2, TimeSpan.FromSeconds(30), () => $"b did not start again\n{counter}\n{_cluster.Describe()}");
        var rerunAfter = DateTime.UtcNow - killedAt;
        output.WriteLine($"b started again on worker {survivor.Name} {rerunAfter.TotalSeconds:0.0} s after worker {killed.Name} was killed (lease {LeaseSeconds} s)");
        Assert.Equal(held.Id, retried.Id);
        Assert.True(survivor.Owns(retried.RunnerId!), $"b went to {retried.RunnerId}, not to the surviving worker {survivor.Name}");

        File.WriteAllText(release, "go");
        var finished = await api.WaitForEndAsync(execution, "succeeded", Bound, () => $"{counter}\n{_cluster.Describe()}");

        Assert.True(rerunAfter < TimeSpan.FromSeconds(LeaseSeconds + 15), $"b ran again {rerunAfter.TotalSeconds:0.0} s after the kill");
        Assert.All(new[] { "a", "b", "c", "result" }, node => Assert.Equal("succeeded", finished.Node(node).Status));
        Assert.Equal((1, 1, 1), (counter.Dones("a"), counter.Dones("b"), counter.Dones("c")));
        var artifact = Assert.Single(await api.ArtifactsAsync("crash"));
        Assert.Equal(("result", execution), (artifact.Name, artifact.ExecutionId));
        var b = Assert.Single(await api.JobsAsync(execution), j => j.NodeId == "b");
        Assert.Equal(("succeeded", 2), (b.Status, b.Attempts));
        Assert.True(survivor.Owns(b.RunnerId!), $"b was finished by {b.RunnerId}, not by the surviving worker {survivor.Name}");
        Assert.NotEqual(lateToken, survivor.Proxy!.LeaseTokens()[b.Id]);
    }

    [Fact]
    public async Task LateComplete_FromAWorkerSigkilledWhileItsJobWasRetriedElsewhere_IsRefusedWith409AndChangesNothing()
    {
        var (counter, release) = (new CounterFile(_cluster.Temp["counter.txt"]), _cluster.Temp["release"]);
        var api = _cluster.Api;
        _cluster.CreateProject("late", ChainSeed(counter, release));
        await _cluster.StartServerAsync();
        var workers = new[] { _cluster.StartWorker("one", recorded: true), _cluster.StartWorker("two", recorded: true) };
        await _cluster.WaitForRunnersAsync(workers);
        var execution = await api.StartAsync("late", "chain");
        var held = await Poll.UntilAsync(async () => counter.Starts("b") == 1 && await api.JobOfAsync(execution, "b") is { Status: "leased" } job ? job : null,
            Bound, () => $"b never ran\n{counter}\n{_cluster.Describe()}");
        var killed = workers.Single(w => w.Owns(held.RunnerId!));
        var lateToken = killed.Proxy!.LeaseTokens()[held.Id];
        killed.Kill();
        var retried = await Poll.UntilAsync(async () => await api.JobOfAsync(execution, "b") is { Status: "leased", Attempts: 2 } job ? job : null,
            TimeSpan.FromSeconds(LeaseSeconds + 15), () => $"b was not leased again\n{_cluster.Describe()}");
        var a = (await api.ExecutionAsync(execution)).Node("a");
        Assert.Equal("succeeded", a.Status);

        // The killed worker "comes back" and reports b done, with the lease token it was given and a value the server has.
        var aOutput = (await api.ExecutionAsync(execution)).Json.GetProperty("nodes").EnumerateArray()
            .Single(n => n.GetProperty("nodeId").GetString() == "a").GetProperty("outputs").GetProperty("value");
        var late = await api.SendAsync(ServerApi.Runner(HttpMethod.Post, $"/api/v1/jobs/{held.Id}/complete", _cluster.Token,
            ServerApi.Json(new { leaseToken = lateToken, outputs = new { value = aOutput } })));

        Assert.True(late.Status == HttpStatusCode.Conflict, $"expected 409 for the late report: {(int)late.Status} {late.Body}");
        Assert.Contains("no longer leased with this token", ServerApi.Detail(late.Body));
        var still = await api.JobOfAsync(execution, "b");
        Assert.Equal(("leased", retried.RunnerId, 2), (still!.Status, still.RunnerId, still.Attempts));
        Assert.Equal("running", (await api.ExecutionAsync(execution)).Node("b").Status);
        Assert.Empty(await api.ArtifactsAsync("late"));

        File.WriteAllText(release, "go");
        await api.WaitForEndAsync(execution, "succeeded", Bound, () => $"{counter}\n{_cluster.Describe()}");
        Assert.Single(await api.ArtifactsAsync("late"));
    }

    private SeedFolder ChainSeed(CounterFile counter, string release) =>
        new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("chain")
                .Operation("a", "Hold", new { counter = counter.Path, name = "a" })
                .Operation("b", "Hold", new { counter = counter.Path, name = "b", release })
                .Operation("c", "Hold", new { counter = counter.Path, name = "c" })
                .Output("result", "result")
                .Connect("a.value", "b.value")
                .Connect("b.value", "c.value")
                .Connect("c.value", "result.data"));
}
