using System.Net;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;
using DeepForge.Integration.Tests.Stores;
using Xunit.Abstractions;

namespace DeepForge.Integration.Tests.MultiServer;

/// <summary>Two servers on one PostgreSQL store with two workers: either serves runs, and one takes over the runs of the other when it dies.</summary>
[Collection(DistributedCollection.Name)]
public sealed class ServerTakeoverTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly ServerPair _pair = new();
    private readonly CounterFile _counter = new(Path.Combine(Path.GetTempPath(), $"deepforge-multi-counter-{Guid.NewGuid():n}.txt"));

    [PostgreSqlFact]
    public async Task Runs_StartedOnEitherServer_Complete()
    {
        _pair.CreateProject("both", Seed(new PipelineJson("text")
            .Operation("make", "MakeText", new { length = 100_000, seed = 5 }).Output("out", "out").Connect("make.text", "out.data")));
        await _pair.StartAsync();
        await _pair.StartWorkerAsync("wa", _pair.A);
        await _pair.StartWorkerAsync("wb", _pair.B);

        var onA = await _pair.A.Api.StartAsync("both", "text");
        var onB = await _pair.B.Api.StartAsync("both", "text");

        await _pair.A.Api.WaitForEndAsync(onA, "succeeded", Bound, _pair.Describe);
        await _pair.B.Api.WaitForEndAsync(onB, "succeeded", Bound, _pair.Describe);
        // Each server sees the other's run in the shared store.
        Assert.Equal("succeeded", (await _pair.B.Api.ExecutionAsync(onA)).Status);
        Assert.Equal("succeeded", (await _pair.A.Api.ExecutionAsync(onB)).Status);
    }

    [PostgreSqlFact]
    public async Task Execution_OfAPausedServer_IsTakenOverAfterItsLease_AndThePausedServerWritesNothingMoreWhenItWakes()
    {
        var release = _pair.Temp["release"];
        _pair.CreateProject("paused", Seed(Held(release)));
        await _pair.StartAsync();
        await _pair.StartWorkerAsync("wa", _pair.A);
        await _pair.StartWorkerAsync("wb", _pair.B, "b");
        var execution = await _pair.A.Api.StartAsync("paused", "held");
        await WaitUntilSecondHoldsAsync("paused");

        // Paused, A's process is alive on this machine: only its lease running out lets B take the execution over.
        _pair.A.Pause();
        // B's run re-attaching to the job its worker holds, not its "Resuming" line: that comes before the claim, and A woken
        // then renews its lease and B's claim is refused (a CI run failed so).
        await Poll.UntilAsync(() => Task.FromResult(_pair.B.Process!.ToString().Contains($"of node second in execution {execution}")), Bound,
            () => $"B never took the execution over\n{_pair.Describe()}");
        _pair.A.Continue();
        await Poll.UntilAsync(() => Task.FromResult(_pair.A.Process!.ToString().Contains($"Execution {execution} stopped here")), Bound,
            () => $"A never noticed it lost the execution\n{_pair.Describe()}");
        // Released only now: had A cancelled the job when it stopped its run, 'second' would have been stopped and run again.
        File.WriteAllText(release, "go");
        await _pair.B.Api.WaitForEndAsync(execution, "succeeded", Bound, () => $"{_counter}\n{_pair.Describe()}");

        var after = await _pair.A.Api.ExecutionAsync(execution);
        Assert.Equal("succeeded", after.Status);
        Assert.All(after.Nodes, n => Assert.Equal("succeeded", n.Status));
        Assert.Equal((1, 1, 1), (_counter.Starts("first"), _counter.Starts("second"), _counter.Dones("second")));
    }

    [PostgreSqlFact]
    public async Task Execution_OfASigkilledServer_IsFinishedByTheOtherServer_WithoutRunningFinishedOperationsAgain()
    {
        var release = _pair.Temp["release"];
        _pair.CreateProject("takeover", Seed(Held(release)));
        await _pair.StartAsync();
        await _pair.StartWorkerAsync("wa", _pair.A);
        await _pair.StartWorkerAsync("wb", _pair.B, "b"); // 'second' runs on this worker, which reports to B
        var execution = await _pair.A.Api.StartAsync("takeover", "held");
        await WaitUntilSecondHoldsAsync("takeover");
        var before = await _pair.B.Api.ArtifactsAsync("takeover");

        _pair.A.Kill();
        File.WriteAllText(release, "go");
        var finished = await _pair.B.Api.WaitForEndAsync(execution, "succeeded", Bound, () => $"{_counter}\n{_pair.Describe()}");

        Assert.Contains($"Resuming execution {execution}", _pair.B.Process!.ToString());
        Assert.Equal((1, 1), (_counter.Starts("first"), _counter.Dones("first")));
        Assert.Equal((1, 1), (_counter.Starts("second"), _counter.Dones("second"))); // B took up the job its worker held: no second run
        Assert.Equal("succeeded", finished.Node("held").Status);
        var after = await _pair.B.Api.ArtifactsAsync("takeover");
        Assert.All(before, stored => Assert.Contains(stored, after));
        Assert.Equal(["counted", "held", "text"], after.Select(a => a.Name).Order().ToArray());
        foreach (var artifact in after) await AssertWholeAsync(artifact);
    }

    // 'second' waits for the release, and everything before it is stored.
    private Task WaitUntilSecondHoldsAsync(string project) =>
        Poll.UntilAsync(async () => _counter.Starts("second") == 1
                && (await _pair.B.Api.ArtifactsAsync(project)).Select(a => a.Name).Order().SequenceEqual(["counted", "text"]),
            Bound, () => $"'second' never started, or 'counted' and 'text' were never stored\n{_counter}\n{_pair.Describe()}");

    private async Task AssertWholeAsync(ArtifactInfo artifact)
    {
        using var response = await _pair.B.Api.Http.GetAsync($"/api/v1/projects/takeover/artifacts/{artifact.Id}/content");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((artifact.Size, artifact.Hash), (bytes.LongLength, ServerApi.Sha256(bytes)));
    }

    // 'first' counts its runs; 'second' waits for the release file, on the worker labelled 'b' only; 'make' gives a large artifact.
    private PipelineJson Held(string release) => new PipelineJson("held")
        .Operation("first", "Hold", new { counter = _counter.Path, name = "first" })
        .Operation("make", "MakeText", new { length = 3_000_000, seed = 7 })
        .Operation("second", "Hold", new { counter = _counter.Path, name = "second", release })
        .Labels("second", "b")
        .Output("counted", "counted")
        .Output("text", "text")
        .Output("held", "held")
        .Connect("first.value", "counted.data")
        .Connect("make.text", "text.data")
        .Connect("first.value", "second.value")
        .Connect("second.value", "held.data");

    private SeedFolder Seed(PipelineJson pipeline) =>
        new SeedFolder(_pair.Temp["seed"]).WithOperations(DistributedOperations.FileName, DistributedOperations.Source).WithPipeline(pipeline);

    public void Dispose()
    {
        output.WriteLine(_pair.Describe());
        _pair.Dispose();
        File.Delete(_counter.Path);
    }
}
