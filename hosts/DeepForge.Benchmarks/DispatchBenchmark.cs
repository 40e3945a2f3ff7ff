using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>
/// Milliseconds per job through the whole dispatch path: a real server (loopback port, SQLite in a temporary
/// data folder) queues a pipeline of independent no-op operations, and worker processes (<c>deepforge bench worker</c>, the worker of <c>deepforge start -w</c>)
/// lease them over HTTP, run them, upload their outputs and complete them. Timed from the start of the run
/// to its last job done, after a warm-up run. Measured twice: with the jobs inside the worker processes
/// (the dispatch path alone), and with a child process per job as workers run them by default.
/// </summary>
internal static class DispatchBenchmark
{
    public static async Task<object> RunAsync(BenchHost host, int workers, int jobs, int slots, int childJobs, CancellationToken cancellationToken)
    {
        if (workers < 1 || jobs < 1 || slots < 1 || childJobs < 0)
            throw new DeepForgeException("bench dispatch", "--workers, --jobs and --slots must be 1 or more, --child-jobs 0 or more");
        var root = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        // Every slot busy, and as many jobs again queued behind them, so a slot that frees finds its next job waiting.
        var maxParallelJobs = Math.Max(16, 2 * workers * slots);
        try
        {
            var inProcess = await RunPhaseAsync(host, Path.Combine(root, "in-process"), workers, slots, jobs, maxParallelJobs, jobsInProcess: true, cancellationToken);
            var child = childJobs == 0 ? null
                : await RunPhaseAsync(host, Path.Combine(root, "child-process"), workers, slots, childJobs, maxParallelJobs, jobsInProcess: false, cancellationToken);
            return new
            {
                Benchmark = "dispatch", Jobs = jobs, Workers = workers, SlotsPerWorker = slots, MaxParallelJobs = maxParallelJobs,
                Store = "sqlite", Transport = "http loopback", WorkerProcesses = true, JobsRun = "in the worker process (--jobs-in-process)",
                MsPerJob = Math.Round(inProcess.TotalMilliseconds / jobs, 3), TotalSeconds = Math.Round(inProcess.TotalSeconds, 3),
                JobsPerSecond = Math.Round(jobs / inProcess.TotalSeconds, 1), JobsPerWorker = inProcess.JobsPerWorker,
                ChildProcessJobs = child == null ? (int?)null : childJobs,
                ChildProcessMsPerJob = child == null ? (double?)null : Math.Round(child.TotalMilliseconds / childJobs, 2),
                ChildProcessTotalSeconds = child == null ? (double?)null : Math.Round(child.TotalSeconds, 3),
                ChildProcessJobsPerSecond = child == null ? (double?)null : Math.Round(childJobs / child.TotalSeconds, 1),
                ChildProcessJobsPerWorker = child?.JobsPerWorker,
            };
        }
        finally
        {
            DeleteQuietly(root);
        }
    }

    // A fresh server and fresh workers for each phase, so no worker of one phase holds a lease request in the next.
    private static async Task<Phase> RunPhaseAsync(BenchHost host, string root, int workers, int slots, int jobs, int maxParallelJobs, bool jobsInProcess, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var server = await BenchServer.StartAsync(host, Path.Combine(root, "server"), token, maxParallelJobs, cancellationToken);
        var engine = server.Services.GetRequiredService<DeepForgeEngine>();
        // Enough jobs in process for the hot paths of server and workers to be compiled; in child processes, one per slot (each costs a process start).
        var warmup = Math.Min(jobs, jobsInProcess ? Math.Max(100, 4 * workers * slots) : workers * slots);
        await engine.Projects.SaveAsync(new ProjectDefinition { Name = "bench", Pipelines = { Independent("dispatch", jobs, 0), Independent("warmup", warmup, jobs) } }, cancellationToken);
        await using var processes = BenchWorkers.Start(host, workers, root, server.Url, token, slots, jobsInProcess);
        await WaitForWorkersAsync(server, processes, workers, cancellationToken);
        await RunAsync(engine, "warmup", processes, cancellationToken);
        var (elapsed, executionId) = await RunAsync(engine, "dispatch", processes, cancellationToken);
        // Which worker ran how many: both must have taken part for the figure to be about several workers.
        var ran = (await server.Services.GetRequiredService<JobQueue>().OfExecutionAsync(executionId, cancellationToken))
            .Where(j => j.Status == JobStatus.Succeeded).GroupBy(j => j.RunnerId).Select(g => g.Count()).OrderDescending().ToList();
        return new Phase(elapsed, ran);
    }

    private sealed record Phase(TimeSpan Elapsed, IReadOnlyList<int> JobsPerWorker)
    {
        public double TotalMilliseconds => Elapsed.TotalMilliseconds;
        public double TotalSeconds => Elapsed.TotalSeconds;
    }

    /// <summary>Nodes with no connections between them: each is a job of its own, all ready at once.</summary>
    private static PipelineDefinition Independent(string name, int nodes, int firstId)
    {
        var pipeline = new PipelineDefinition { Name = name };
        for (var i = 0; i < nodes; i++)
            pipeline.Nodes.Add(new PipelineNode { Id = $"n{i}", Operation = nameof(NoOp), Attributes = { ["id"] = JsonSerializer.SerializeToElement(firstId + i) } });
        return pipeline;
    }

    private static async Task WaitForWorkersAsync(BenchServer server, BenchWorkers processes, int workers, CancellationToken cancellationToken)
    {
        var runners = server.Services.GetRequiredService<JobQueue>().Runners;
        var clock = Stopwatch.StartNew();
        while ((await runners.ConnectedAsync(cancellationToken)).Count < workers)
        {
            processes.ThrowIfExited();
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"the {workers} bench workers did not connect within 60 s");
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task<(TimeSpan Elapsed, string ExecutionId)> RunAsync(DeepForgeEngine engine, string pipeline, BenchWorkers processes, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var run = engine.Executions.RunAsync("bench", pipeline, new RunOptions { UseCache = false }, cancellationToken: cancellationToken);
        // A worker that dies would leave the run waiting for its leases to expire: stop at once instead.
        while (await Task.WhenAny(run, Task.Delay(500, cancellationToken)) != run) processes.ThrowIfExited();
        var execution = await run;
        clock.Stop();
        if (execution.Status != ExecutionStatus.Succeeded) throw new InvalidOperationException($"bench pipeline {pipeline} ended {execution.Status}: {execution.Error}");
        return (clock.Elapsed, execution.Id);
    }

    private static void DeleteQuietly(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException e) { Console.Error.WriteLine($"could not delete {path}: {e.Message}"); }
        catch (UnauthorizedAccessException e) { Console.Error.WriteLine($"could not delete {path}: {e.Message}"); }
    }
}
