using System.Net;
using DeepForge.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>The server process SIGKILLed in the middle of an execution and started again on the same data folder and port.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ServerCrashTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task Execution_WhoseServerIsSigkilledWhileAWorkerRunsItsJob_CompletesAfterARestartWithEveryArtifactStillThereAndWhole()
    {
        var (counter, release) = (new CounterFile(_cluster.Temp["counter.txt"]), _cluster.Temp["release"]);
        var api = _cluster.Api;
        _cluster.CreateProject("restart", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("texts")
                .Operation("make", "MakeText", new { length = 3_000_000, seed = 7 })
                .Output("first", "first")
                .Operation("shout", "HoldText", new { counter = counter.Path, name = "shout", release })
                .Output("second", "second")
                .Connect("make.text", "first.data")
                .Connect("make.text", "shout.text")
                .Connect("shout.text", "second.data")));
        await _cluster.StartServerAsync();
        var worker = _cluster.StartWorker("worker");
        await _cluster.WaitForRunnersAsync(worker);
        var execution = await api.StartAsync("restart", "texts");
        await Poll.UntilAsync(async () => counter.Starts("shout") == 1 && (await api.ArtifactsAsync("restart")).Any(a => a.Name == "first"),
            Bound, () => $"shout never started, or 'first' was never stored\n{counter}\n{_cluster.Describe()}");
        var before = await api.ArtifactsAsync("restart");

        _cluster.KillServer();
        await _cluster.StartServerAsync();
        File.WriteAllText(release, "go");
        var finished = await api.WaitForEndAsync(execution, "succeeded", Bound, () => $"{counter}\n{_cluster.Describe()}");

        Assert.Equal("succeeded", finished.Node("second").Status);
        var after = await api.ArtifactsAsync("restart");
        Assert.All(before, stored => Assert.Contains(stored, after));
        Assert.Equal(["first", "second"], after.Select(a => a.Name).Order().ToArray());
        foreach (var artifact in after)
        {
            using var response = await api.Http.GetAsync($"/api/v1/projects/restart/artifacts/{artifact.Id}/content");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal((artifact.Size, artifact.Hash), (bytes.LongLength, ServerApi.Sha256(bytes)));
        }
        Assert.True(after.Single(a => a.Name == "first").Size > 3_000_000, "the first artifact holds the whole text");
        // The worker kept its job through the outage and reported it to the new server: it ran once.
        Assert.Equal((1, 1), (counter.Starts("shout"), counter.Dones("shout")));
    }

    [Fact]
    public async Task Run_with_server_follows_its_execution_through_a_server_restart_to_the_end()
    {
        var (counter, release) = (new CounterFile(_cluster.Temp["counter.txt"]), _cluster.Temp["release"]);
        _cluster.CreateProject("follow", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("texts")
                .Operation("make", "MakeText", new { length = 1000, seed = 3 })
                .Operation("shout", "HoldText", new { counter = counter.Path, name = "shout", release })
                .Output("loud", "loud")
                .Connect("make.text", "shout.text")
                .Connect("shout.text", "loud.data")));
        await _cluster.StartServerAsync();
        var worker = _cluster.StartWorker("worker");
        await _cluster.WaitForRunnersAsync(worker);
        using var run = _cluster.Server.Start("run", "follow", "texts", "--server", _cluster.Url);
        await Poll.UntilAsync(() => Task.FromResult(counter.Starts("shout") == 1), Bound, () => $"shout never started\n{run}\n{_cluster.Describe()}");

        _cluster.KillServer();
        await Poll.UntilAsync(() => Task.FromResult(run.ToString().Contains("lost the server")), Bound, () => $"run never noticed the server was gone\n{run}");
        await _cluster.StartServerAsync();
        File.WriteAllText(release, "go");
        var ended = run.WaitForExit(Bound);

        Assert.True(ended.ExitCode == 0, ended.ToString());
        Assert.Contains("is back after", ended.Stderr);
        Assert.Contains(": succeeded", ended.Stderr);
        Assert.DoesNotContain("   at ", ended.Stderr);
    }

    public void Dispose()
    {
        output.WriteLine(_cluster.Describe());
        _cluster.Dispose();
    }
}
