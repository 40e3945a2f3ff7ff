using System.Diagnostics;
using DeepForge.Blobs;
using DeepForge.Models;
using DeepForge.Worker.Cache;
using DeepForge.Client;
using DeepForge.Worker.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Worker.Tests;

/// <summary>The real server on loopback and the agent in this process, its jobs in real child processes.</summary>
public sealed class ServerEndToEndTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ThreeNodePipeline_RunsToCompletion_OnTheWorker(bool useBlob)
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => (w.UseBlob, w.ServerBlobDirectory) = (useBlob, server.BlobDirectory));
        await server.SaveProjectAsync("p", Pipelines.Chain(count: 4, factor: 2));

        var execution = await server.WaitForEndAsync(await server.StartExecutionAsync("p", "chain"));

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status}: {execution.Error}\n{worker.Logs.Dump()}");
        Assert.Equal(20.0, await server.Engine.Artifacts.ReadAsync<double>((await server.Engine.Artifacts.FindAsync("p", "total"))!));
        // The worker logs a job's success after the server accepted it, so the execution may end a moment before the last line.
        await Eventually.TrueAsync(() => worker.Logs.Lines.Count(l => l.Message.Contains("succeeded in")) == 3, "the worker to log three jobs succeeded");
        // The project's compiled code came into the cache by a link to the server's file, or over HTTP.
        var code = execution.AssemblyBlob!;
        var how = worker.Logs.Lines.Single(l => l.Message.StartsWith($"Blob {code}", StringComparison.Ordinal)).Message;
        Assert.Contains(useBlob ? "from the server's blob folder (HardLink)" : "downloaded into the cache", how);
    }

    [Fact]
    public async Task ThreeNodePipeline_RunsToCompletion_WithJobsInTheWorkersOwnProcess()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], inProcess: true);
        await server.SaveProjectAsync("p", Pipelines.Chain(count: 3, factor: 10));

        var execution = await server.WaitForEndAsync(await server.StartExecutionAsync("p", "chain"));

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status}: {execution.Error}\n{worker.Logs.Dump()}");
        Assert.Equal(60.0, await server.Engine.Artifacts.ReadAsync<double>((await server.Engine.Artifacts.FindAsync("p", "total"))!));
        Assert.Contains(worker.Logs.Lines, l => l.Message.Contains("jobs in this process"));
        Assert.DoesNotContain(worker.Logs.Lines, l => l.Message.Contains("child process"));
    }

    [Fact]
    public async Task DivergedLoss_NaNAndInfinitePointsAndANaNOutput_ReachTheServerFromTheJobsChildProcess()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"]);
        await server.SaveProjectAsync("p", Pipelines.Diverge());

        var execution = await server.WaitForEndAsync(await server.StartExecutionAsync("p", "diverge"));

        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status}: {execution.Error}\n{worker.Logs.Dump()}");
        var points = (await server.Engine.Executions.FeedbackAsync(execution.Id, "diverge")).Where(e => e.Kind == "points").SelectMany(e => e.Points!);
        Assert.Equal([0, 2.5, 1, double.NaN, 2, double.NegativeInfinity], points);
        Assert.True(double.IsNaN(await server.Engine.Artifacts.ReadAsync<double>((await server.Engine.Artifacts.FindAsync("p", "loss"))!)));
    }

    [Fact]
    public async Task ConsoleOutput_ReachesTheServersLog_WhileTheJobRuns()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"]);
        await server.SaveProjectAsync("p", Pipelines.Slow(milliseconds: 3000));
        var id = await server.StartExecutionAsync("p", "slow");

        // Log arrives in heartbeats while the job still runs, not only at its end.
        await Eventually.TrueAsync(() => server.Engine.Executions.LogAsync(id, "slow").GetAwaiter().GetResult().Contains("waited 500 ms"), "the job's log on the server");
        Assert.NotEqual(ExecutionStatus.Succeeded, (await server.Engine.Executions.GetAsync(id)).Status);
        var execution = await server.WaitForEndAsync(id);

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
        Assert.Contains("waited 2900 ms", await server.Engine.Executions.LogAsync(id, "slow"));
    }

    [Fact]
    public async Task Cancelling_TheExecution_KillsTheJobsProcessTreeWithinTwoSeconds()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"]);
        var pidFile = folder["pids"];
        await server.SaveProjectAsync("p", Pipelines.Hang(pidFile));
        var id = await server.StartExecutionAsync("p", "hang");
        await Eventually.TrueAsync(() => File.Exists(pidFile), "the job to start");
        var pids = File.ReadAllText(pidFile).Split(' ').Select(int.Parse).ToArray();

        var clock = Stopwatch.StartNew();
        using var cancel = await server.Http.PostAsync($"/api/v1/executions/{id}/cancel", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        cancel.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => pids.All(p => !Processes.IsRunning(p)), "the job's processes to end", seconds: 10);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the job's processes ended {clock.Elapsed.TotalMilliseconds:0} ms after the cancel");
        Assert.Equal(ExecutionStatus.Cancelled, (await server.WaitForEndAsync(id)).Status);
        await Eventually.TrueAsync(() => worker.Logs.Has(LogLevel.Information, "cancelled by the server"), "the worker to say so");
    }

    [Fact]
    public async Task ServerRestarting_MidJob_TheWorkerKeepsTheJobAndReportsItWhenTheServerIsBack()
    {
        using var folder = new TempFolder();
        var server = await ServerHost.StartAsync(folder["server"]);
        var port = new Uri(server.Url).Port;
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"]);
        await server.SaveProjectAsync("p", Pipelines.Slow(milliseconds: 4000));
        var id = await server.StartExecutionAsync("p", "slow");
        await Eventually.TrueAsync(() => server.Engine.Executions.LogAsync(id, "slow").GetAwaiter().GetResult().Contains("waited 500 ms"), "the job to run");

        await server.DisposeAsync();
        await Eventually.TrueAsync(() => worker.Logs.Has(LogLevel.Warning, "unavailable"), "the worker to notice");
        await Task.Delay(1500);
        await using var restarted = await ServerHost.StartAsync(folder["server"], port);

        var execution = await restarted.WaitForEndAsync(id);
        Assert.True(execution.Status == ExecutionStatus.Succeeded, $"{execution.Status}: {execution.Error}\n{worker.Logs.Dump()}");
        Assert.True(worker.Logs.Has(LogLevel.Information, "is back"), worker.Logs.Dump());
        Assert.Single(worker.Logs.Lines, l => l.Message.Contains("leased operation 'Slow'"));
        Assert.Contains("waited 3900 ms", await restarted.Engine.Executions.LogAsync(id, "slow"));
    }

    [Fact]
    public async Task Download_ResumesWithRange_AndRefusesBytesThatDoNotMatchTheHash()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        var bytes = new byte[3 << 20];
        new Random(7).NextBytes(bytes);
        var stored = await server.Services.GetRequiredService<IBlobStore>().PutAsync(new MemoryStream(bytes));
        await using var clients = new ServiceCollection().AddDeepForgeClient(o => (o.ServerUrl, o.Token) = (new Uri(server.Url), ServerHost.WorkerToken))
            .Services.BuildServiceProvider();
        var client = clients.GetRequiredService<IRunnerClient>();

        // Half of it arrived before the connection broke.
        var resumed = new BlobCache(folder["cache1"], useBlob: false, null, client, TimeSpan.FromSeconds(1), NullLogger.Instance);
        await File.WriteAllBytesAsync(Path.Combine(resumed.Root, "partial", stored.Hash), bytes[..(bytes.Length / 2)]);
        Assert.Equal(CacheFill.Downloaded, await resumed.EnsureAsync(stored.Hash, stored.Size, CancellationToken.None));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(resumed.PathOf(stored.Hash)));

        // A part file whose bytes are not the blob's: the whole is refused, nothing is kept, and the next try starts clean.
        var corrupt = new BlobCache(folder["cache2"], useBlob: false, null, client, TimeSpan.FromSeconds(1), NullLogger.Instance);
        var wrong = bytes[..1000].ToArray();
        wrong[10] ^= 0xff;
        await File.WriteAllBytesAsync(Path.Combine(corrupt.Root, "partial", stored.Hash), wrong);
        var error = await Assert.ThrowsAsync<DeepForgeException>(() => corrupt.EnsureAsync(stored.Hash, stored.Size, CancellationToken.None));
        Assert.Contains("does not match its hash", error.Message);
        Assert.False(await corrupt.Store.ExistsAsync(stored.Hash));
        Assert.Equal(CacheFill.Downloaded, await corrupt.EnsureAsync(stored.Hash, stored.Size, CancellationToken.None));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(corrupt.PathOf(stored.Hash)));
    }

    [Fact]
    public async Task WrongToken_IsSaidOnceAsAnError_AndTheWorkerKeepsTrying()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => (w.Token, w.MaxBackoff) = ("dfw_wrong", TimeSpan.FromMilliseconds(100)));

        await Eventually.TrueAsync(() => worker.Logs.Lines.Count(l => l.Message.Contains("still unavailable")) >= 2, "a few refused attempts");

        var errors = worker.Logs.Lines.Where(l => l.Level == LogLevel.Error).ToList();
        Assert.Single(errors);
        Assert.Contains("refused this worker's token (401)", errors[0].Message);
    }

    [Theory]
    [InlineData(2500, 10, "completing it")]
    [InlineData(60000, 2, "the job ran")]
    public async Task LostLease_EndsTheJobQuietly_AndSaysWhy(int jobMilliseconds, int idleHeartbeatSeconds, string when)
    {
        using var folder = new TempFolder();
        // A lease of 1 s that this worker does not renew in time: the server takes the job away, as it does from a worker it thinks dead.
        // A second slot leases the job again at once: a late report from the holder of a lease that nobody took over is kept instead.
        await using var server = await ServerHost.StartAsync(folder["server"], configure: o => (o.LeaseDuration, o.MaxAttempts) = (TimeSpan.FromSeconds(1), 5));
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => (w.IdleHeartbeatInterval, w.Slots) = (TimeSpan.FromSeconds(idleHeartbeatSeconds), 2));
        await server.SaveProjectAsync("p", Pipelines.Quiet(jobMilliseconds));
        await server.StartExecutionAsync("p", "quiet");

        await Eventually.TrueAsync(() => worker.Logs.Has(LogLevel.Warning, $"took the lease away while {when}"), "the worker to hear its lease is gone");

        Assert.DoesNotContain(worker.Logs.Lines, l => l.Level == LogLevel.Error);
        await Eventually.TrueAsync(() => worker.Logs.Lines.Count(l => l.Message.Contains("leased operation 'Quiet'")) >= 2, "the worker to go on leasing");
    }

    [Fact]
    public async Task ConfiguredLabels_LetTheWorkerTakeJobsThatNeedThem()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => w.Labels.Add("gpu"));
        await server.SaveProjectAsync("p", Pipelines.Quiet(10, "quiet", "gpu"));

        var execution = await server.WaitForEndAsync(await server.StartExecutionAsync("p", "quiet"));

        Assert.Equal(ExecutionStatus.Succeeded, execution.Status);
    }

    [Fact]
    public async Task StoppingTheWorker_EndsItsRunningJobsProcessTree()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"]);
        var worker = await AgentHost.StartAsync(server.Url, folder["worker"]);
        var pidFile = folder["pids"];
        await server.SaveProjectAsync("p", Pipelines.Hang(pidFile));
        await server.StartExecutionAsync("p", "hang");
        await Eventually.TrueAsync(() => File.Exists(pidFile), "the job to start");
        var pids = File.ReadAllText(pidFile).Split(' ').Select(int.Parse).ToArray();

        await worker.DisposeAsync();

        Assert.All(pids, p => Assert.False(Processes.IsRunning(p), $"process {p} outlived the worker"));
        Assert.True(worker.Logs.Has(LogLevel.Information, "goes back to the queue when its lease expires"), worker.Logs.Dump());
    }
}
