using DeepForge.Models;
using DeepForge.Worker.Cache;
using DeepForge.Worker.Tests.Infrastructure;

namespace DeepForge.Worker.Tests.Cache;

/// <summary>A real server on loopback and a worker with worker.cache.maxBytes, its jobs in child processes, reading more data than fits.</summary>
public sealed class CacheLimitEndToEndTests
{
    private const long MaxBytes = 400_000;

    [Fact]
    public async Task WorkersCache_StaysUnderItsLimit_WhileJobsReadMoreDataThanFits()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => w.CacheMaxBytes = MaxBytes);
        var cacheRoot = Path.Combine(folder["worker"], "worker-cache");
        long passedThrough = 0;

        // Each run moves its own ~180 kB of numbers and ~200 kB of scaled numbers through the cache.
        for (var run = 0; run < 4; run++)
        {
            await server.SaveProjectAsync($"p{run}", Pipelines.Chain(count: 30_000 + run, factor: 2));
            var execution = await server.WaitForEndAsync(await server.StartExecutionAsync($"p{run}", "chain"));
            Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status}: {execution.Error}\n{worker.Logs.Dump()}");
            passedThrough += (await server.Engine.Executions.NodesAsync(execution.Id)).SelectMany(n => n.Outputs.Values).Sum(o => o.Size);
        }

        // The worker trims after a job reported; the last job's report can reach the server a moment before that.
        await Eventually.TrueAsync(() => worker.Agent.RunningJobs == 0, "the worker's last job to end");
        var held = new CacheEviction(cacheRoot).Blobs().Sum(b => b.Size);
        Assert.True(passedThrough > 2 * MaxBytes, $"the runs moved only {passedThrough} bytes through a cache of {MaxBytes}");
        Assert.InRange(held, 1, MaxBytes);
        Assert.Contains(worker.Logs.Lines, l => l.Message.StartsWith("Evicted ", StringComparison.Ordinal));
    }
}
