using System.Diagnostics;
using DeepForge.Worker.Jobs;
using DeepForge.Worker.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Worker.Tests;

/// <summary>Jobs handed to warm job processes (the test host started ahead with <c>-</c>, waiting for its job on stdin).</summary>
public sealed class WarmProcessTests
{
    private const int WarmUpSeconds = 120; // a process start under a loaded machine's two cores

    private static ChildProcessExecutor Executor(JobFixture fixture, int warm = 1) => new(TestHost.Command, fixture.CacheDirectory, NullLogger.Instance, warm);

    private static async Task<int> ReadyAsync(ChildProcessExecutor executor, int except = 0)
    {
        await Eventually.TrueAsync(() => executor.WarmProcessIds.Any(p => p != except), "a warm process to be ready", WarmUpSeconds);
        return executor.WarmProcessIds.First(p => p != except);
    }

    private static async Task<int[]> RunPidJobAsync(JobFixture fixture, ChildProcessExecutor executor)
    {
        var cache = fixture.Cache();
        var job = fixture.Job("Pid", node: $"pid-{Guid.NewGuid():n}");
        await cache.EnsureJobAsync(job, CancellationToken.None);
        var outcome = await executor.RunAsync(job, fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.Details);
        return await JobFixture.ReadAsync<int[]>(cache.Store, outcome.Outputs!["values"]);
    }

    [Fact]
    public async Task Job_RunsInTheWarmProcessThatWasReady_InItsOwnFolder_AndAFreshOneWarmsForTheNext()
    {
        using var fixture = await JobFixture.CreateAsync();
        using var executor = Executor(fixture);
        var warm = await ReadyAsync(executor);

        var (pid, inJobFolder) = await RunPidJobAsync(fixture, executor) is [var p, var f] ? (p, f) : throw new InvalidOperationException();

        Assert.Equal(warm, pid);
        Assert.Equal(1, inJobFolder);
        var next = await ReadyAsync(executor, except: warm);
        Assert.False(Processes.IsRunning(warm), $"warm process {warm} still runs after its one job");
        Assert.Equal(next, (await RunPidJobAsync(fixture, executor))[0]);
    }

    [Fact]
    public async Task Job_InAWarmProcess_SendsItsConsoleOutputAndFeedback()
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        using var executor = Executor(fixture);
        var job = fixture.Job("Talk", new { message = "warm hello", lines = 2 });
        await cache.EnsureJobAsync(job, CancellationToken.None);
        await ReadyAsync(executor);
        var report = new ReportBuffer();

        var outcome = await executor.RunAsync(job, fixture.NewJobFolder(), report, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.Details);
        var batch = report.Take();
        Assert.Contains("warm hello 0\nwarm hello 1\n", string.Concat(batch.Log));
        Assert.Contains(batch.Feedback, e => e is { Kind: "graph", Text: "Loss" });
    }

    [Theory]
    [InlineData("failfast", "signal 6 SIGABRT")]
    [InlineData("sigkill", "signal 9 SIGKILL")]
    public async Task Job_ThatKillsItsWarmProcess_FailsAlone_AndTheNextJobRunsInAFreshWarmProcess(string how, string exit)
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        using var executor = Executor(fixture);
        var crash = fixture.Job("Crash", new { how });
        await cache.EnsureJobAsync(crash, CancellationToken.None);
        var crashed = await ReadyAsync(executor);

        var outcome = await executor.RunAsync(crash, fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("operation 'Crash' of node 'n1' failed: its process was killed by ", outcome.Error);
        Assert.Contains(exit, outcome.Error);
        Assert.False(Processes.IsRunning(crashed), $"the crashed warm process {crashed} still runs");
        var fresh = await ReadyAsync(executor, except: crashed);
        Assert.Equal(fresh, (await RunPidJobAsync(fixture, executor))[0]);
    }

    [Fact]
    public async Task Disposing_TheExecutor_EndsItsWarmProcesses()
    {
        using var fixture = await JobFixture.CreateAsync();
        var executor = Executor(fixture, warm: 2);
        await Eventually.TrueAsync(() => executor.WarmProcessIds.Count == 2, "two warm processes to be ready", WarmUpSeconds);
        var warm = executor.WarmProcessIds.ToArray();

        executor.Dispose();

        await Eventually.TrueAsync(() => warm.All(p => !Processes.IsRunning(p)), "the warm processes to end", seconds: 10);
    }

    [Fact]
    public async Task WarmProcess_WhoseWorkerWentAway_BeforeItsJob_Exits()
    {
        // Started as the worker starts a warm process, by hand: closing its stdin is what the kernel does when the worker dies.
        var start = new ProcessStartInfo(TestHost.Command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in TestHost.Command.Skip(1).Append(ChildProtocol.AwaitJobArgument)) start.ArgumentList.Add(argument);
        start.Environment[ChildProtocol.WatchParentVariable] = "1";
        using var child = Process.Start(start)!;
        var ready = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(WarmUpSeconds));
        Assert.True(ChildProtocol.Parse(ready!).Message?.Ready, $"the warm process said '{ready}', not that it is ready");
        _ = child.StandardOutput.ReadToEndAsync();

        child.StandardInput.Close();

        await Eventually.TrueAsync(() => !Processes.IsRunning(child.Id), "the warm process whose worker went away to end", seconds: 10);
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(0, child.ExitCode);
    }
}
