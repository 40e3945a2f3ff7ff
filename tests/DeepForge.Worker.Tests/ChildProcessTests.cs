using System.Diagnostics;
using System.Security.Cryptography;
using DeepForge.Worker.Jobs;
using DeepForge.Worker.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Worker.Tests;

/// <summary>Jobs in a real child process (the test host calling JobChild.RunAsync) on real operations compiled from C#.</summary>
public sealed class ChildProcessTests
{
    private static ChildProcessExecutor Executor(JobFixture fixture) => new(TestHost.Command, fixture.CacheDirectory, NullLogger.Instance);

    [Fact]
    public async Task Child_RunsAChainOfJobs_OutputsLandInTheCacheUnderTheirHashes()
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        var executor = Executor(fixture);

        var numbersJob = fixture.Job("Numbers", new { count = 4 });
        await cache.EnsureJobAsync(numbersJob, CancellationToken.None);
        var numbers = await executor.RunAsync(numbersJob, fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);
        Assert.True(numbers.Succeeded, numbers.Error + "\n" + numbers.Details);

        var scaleJob = fixture.Job("Scale", new { factor = 3.0 }, new() { ["values"] = numbers.Outputs!["values"] }, node: "n2");
        await cache.EnsureJobAsync(scaleJob, CancellationToken.None);
        var scaled = await executor.RunAsync(scaleJob, fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);
        Assert.True(scaled.Succeeded, scaled.Error + "\n" + scaled.Details);

        var (values, scaledValues) = (await JobFixture.ReadAsync<int[]>(cache.Store, numbers.Outputs["values"]), await JobFixture.ReadAsync<double[]>(cache.Store, scaled.Outputs!["scaled"]));
        Assert.Equal([1, 2, 3, 4], values);
        Assert.Equal([3.0, 6, 9, 12], scaledValues);
        foreach (var output in new[] { numbers.Outputs["values"], scaled.Outputs["scaled"] })
        {
            var path = cache.PathOf(output.Hash);
            Assert.True(File.Exists(path), $"output {output.Hash} is not a file in the cache");
            Assert.Equal(output.Hash, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            Assert.Equal(output.Size, new FileInfo(path).Length);
        }
    }

    [Fact]
    public async Task Child_ConsoleOutputAndFeedback_ArriveAsLogAndFeedback()
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        var job = fixture.Job("Talk", new { message = "héllo wörld", lines = 3 });
        await cache.EnsureJobAsync(job, CancellationToken.None);
        var report = new ReportBuffer();

        var outcome = await Executor(fixture).RunAsync(job, fixture.NewJobFolder(), report, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.Details);
        var batch = report.Take();
        var log = string.Concat(batch.Log);
        Assert.Contains("héllo wörld 0\nhéllo wörld 1\nhéllo wörld 2\n", log);
        Assert.Contains("a line on stderr\n", log);
        Assert.Contains(batch.Feedback, e => e is { Kind: "graph", Text: "Loss" });
        var points = Assert.Single(batch.Feedback, e => e.Kind == "points");
        Assert.Equal([0, 1.0, 1, 0.5], points.Points!); // two points added one after another travel as one event
    }

    [Fact]
    public async Task Child_OperationThrows_FailsWithTheOperationsMessageAndDetails()
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        var job = fixture.Job("Crash", new { how = "throw" });
        await cache.EnsureJobAsync(job, CancellationToken.None);

        var outcome = await Executor(fixture).RunAsync(job, fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("operation 'Crash' of node 'n1' failed: boom from the job", outcome.Error);
        Assert.Contains("InvalidOperationException", outcome.Details);
    }

    [Theory]
    [InlineData("failfast", "signal 6 SIGABRT, exit code 134", "boom from the job")]
    [InlineData("exit137", "signal 9 SIGKILL, exit code 137", "out-of-memory")]
    [InlineData("sigkill", "signal 9 SIGKILL, exit code 137", "out-of-memory")]
    public async Task Child_ThatDies_FailsTheJobClearly_AndTheWorkerRunsTheNextJob(string how, string exit, string hint)
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        var executor = Executor(fixture);
        var crash = fixture.Job("Crash", new { how });
        await cache.EnsureJobAsync(crash, CancellationToken.None);
        var report = new ReportBuffer();

        var outcome = await executor.RunAsync(crash, fixture.NewJobFolder(), report, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("operation 'Crash' of node 'n1' failed: its process was killed by ", outcome.Error);
        Assert.Contains(exit, outcome.Error);
        Assert.Contains(hint, outcome.Error);
        Assert.Contains("about to crash", string.Concat(report.Take().Log)); // the last line before the crash arrived

        var next = await executor.RunAsync(fixture.Job("Numbers", new { count = 2 }), fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);
        Assert.True(next.Succeeded, next.Error);
    }

    [Fact]
    public async Task Cancelling_KillsTheChildAndEverythingItStarted()
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        var pidFile = fixture["pids"];
        var job = fixture.Job("Hang", new { pidFile });
        await cache.EnsureJobAsync(job, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var run = Executor(fixture).RunAsync(job, fixture.NewJobFolder(), new ReportBuffer(), cancel.Token);
        await Eventually.TrueAsync(() => File.Exists(pidFile) || run.IsCompleted, "the job to start its grandchild");
        if (run.IsCompleted) Assert.Fail($"the job ended before it was cancelled: {(await run).Error}");
        var pids = File.ReadAllText(pidFile).Split(' ').Select(int.Parse).ToArray();
        Assert.All(pids, pid => Assert.True(Processes.IsRunning(pid)));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        await Eventually.TrueAsync(() => pids.All(p => !Processes.IsRunning(p)), "the child and its grandchild to be gone", seconds: 5);
    }

    [Fact]
    public async Task Child_WhoseWorkerWentAway_EndsItselfAndWhatItStarted()
    {
        using var fixture = await JobFixture.CreateAsync();
        var cache = fixture.Cache();
        var pidFile = fixture["pids"];
        var job = fixture.Job("Hang", new { pidFile });
        await cache.EnsureJobAsync(job, CancellationToken.None);
        var folder = fixture.NewJobFolder();
        ChildProtocol.WriteJob(folder, new ChildJobFile(job, cache.Root));

        // Started as the worker starts it, by hand: closing its stdin is what the kernel does when the worker dies.
        var start = new ProcessStartInfo(TestHost.Command[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in TestHost.Command.Skip(1).Append(folder)) start.ArgumentList.Add(argument);
        start.Environment[ChildProtocol.WatchParentVariable] = "1";
        using var child = Process.Start(start)!;
        _ = child.StandardOutput.ReadToEndAsync();
        await Eventually.TrueAsync(() => File.Exists(pidFile) || child.HasExited, "the job to start its grandchild");
        var pids = File.ReadAllText(pidFile).Split(' ').Select(int.Parse).ToArray();

        child.StandardInput.Close();

        await Eventually.TrueAsync(() => pids.All(p => !Processes.IsRunning(p)), "the orphaned job and its grandchild to end", seconds: 10);
    }

    [Fact]
    public async Task ChildCommand_ThatCannotStart_FailsTheJobWithItsName()
    {
        using var fixture = await JobFixture.CreateAsync();
        var executor = new ChildProcessExecutor([fixture["no-such-program"]], fixture.CacheDirectory, NullLogger.Instance);

        var outcome = await executor.RunAsync(fixture.Job("Numbers"), fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("no-such-program", outcome.Error);
    }
}
