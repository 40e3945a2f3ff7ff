using DeepForge.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary><c>deepforge cancel ID --server URL</c> stops a job running on a worker process.</summary>
[Collection(DistributedCollection.Name)]
public sealed class CancelTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task Cancel_OfAnExecutionWhoseJobRunsOnAWorker_EndsTheJobProcessWithinTwoSecondsAndMarksTheExecutionCancelled()
    {
        var counter = new CounterFile(_cluster.Temp["counter.txt"]);
        var api = _cluster.Api;
        _cluster.CreateProject("stop", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("forever").Operation("spin", "RunUntilStopped", new { counter = counter.Path, name = "spin" })));
        await _cluster.StartServerAsync();
        var worker = _cluster.StartWorker("worker");
        await _cluster.WaitForRunnersAsync(worker);
        var execution = await api.StartAsync("stop", "forever");
        await Poll.UntilAsync(() => counter.Starts("spin") == 1, Bound, () => $"spin never started\n{_cluster.Describe()}");
        var jobProcess = counter.Pids("spin").Single();
        Assert.True(Poll.ProcessAlive(jobProcess), $"the job process {jobProcess} is not running");

        CliAssert.Succeeded(_cluster.Server.Run("cancel", execution, "--server", _cluster.Url));
        var cancelReturned = DateTimeOffset.UtcNow;
        var ended = await Poll.UntilAsync(async () => await api.JobOfAsync(execution, "spin") is { FinishedAt: not null } job ? job : null,
            TimeSpan.FromSeconds(30), () => $"the job did not end\n{_cluster.Describe()}");

        // The worker reports the end after its job process has exited; the server stamps it.
        var took = ended.FinishedAt!.Value - cancelReturned;
        output.WriteLine($"the job ended {took.TotalMilliseconds:0} ms after `cancel` returned");
        Assert.True(took <= TimeSpan.FromSeconds(2), $"the job ended {took.TotalSeconds:0.00} s after cancel returned\n{_cluster.Describe()}");
        Assert.False(Poll.ProcessAlive(jobProcess), $"the job process {jobProcess} still runs after the job ended");
        Assert.Equal("cancelled", ended.Status);
        await Poll.UntilAsync(() => Statuses().SequenceEqual(["cancelled"]), Bound, () => $"the execution is not cancelled: {string.Join(", ", Statuses())}\n{_cluster.Describe()}");
        Assert.Equal(0, counter.Dones("spin"));
    }

    private string[] Statuses() =>
        CliAssert.Succeeded(_cluster.Server.Run("executions", "stop", "--server", _cluster.Url, "--json")).StdoutLines
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("status").GetString()!).ToArray();

    public void Dispose() => _cluster.Dispose();
}
