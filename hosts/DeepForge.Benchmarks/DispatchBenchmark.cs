using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>
/// Milliseconds per job through the whole dispatch path: a real server (loopback port, SQLite in a temporary
/// data folder) queues a pipeline of independent no-op operations, and worker processes (<c>deepforge bench worker</c>, the worker of <c>deepforge start -w</c>)
/// lease them over HTTP, run them, upload their outputs and complete them. Timed from the start of the run
/// to its last job done, after a warm-up run. The headline is the default path, a warm child process per job; beside it
/// the same jobs inside the worker processes (the dispatch path alone), and a child process started per job when it is
/// leased (workers without warm processes). Each run also gives the median time a worker held a job (lease to done), and the
/// start latency: from the server leasing a job to its operation starting in the job process (<see cref="OperationStarts"/>), median and 95th percentile,
/// over the timed run (every slot busy, so it includes waiting for a warm process) and over up to 20 jobs run one at a time after a pause
/// (the idle start latency: a job that finds its worker waiting).
/// Each run also gives the CPU per job of the bench process (the servers), the workers and the job processes (<see cref="DispatchCpu"/>):
/// on a shared machine that says more than wall time. With several servers (<see cref="Topology"/>), they share one store and one blob folder, the workers are spread over
/// them, and the run is started on the first: jobs it queues are leased and completed through the others.
/// </summary>
internal static class DispatchBenchmark
{
    // Jobs timed one at a time for the idle start latency, and the pause before each (a warm process is made in about 0.2 s of CPU).
    private const int IdleJobs = 20;
    private static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(600);

    /// <summary>Jobs of each timed run: the default path, in process, cold processes (0 skips a run; the default path always runs).</summary>
    public sealed record Counts(int Warm, int InProcess, int Cold);

    /// <summary>Servers on one store: null store for a new SQLite file, "postgres" for a throwaway PostgreSQL cluster, else a store setting.</summary>
    public sealed record Topology(int Servers, string? Store);

    public static async Task<object> RunAsync(BenchHost host, int workers, int slots, Counts counts, Topology topology, CancellationToken cancellationToken)
    {
        if (workers < 1 || counts.Warm < 1 || slots < 1 || counts.InProcess < 0 || counts.Cold < 0)
            throw new DeepForgeException("bench dispatch", "--workers, --jobs and --slots must be 1 or more, --in-process-jobs and --cold-jobs 0 or more");
        if (topology.Servers < 1) throw new DeepForgeException("--servers", $"--servers is {topology.Servers}: use 1 or more");
        var root = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        using var cluster = string.Equals(topology.Store, "postgres", StringComparison.OrdinalIgnoreCase) ? new PostgreSqlTestCluster() : null;
        // Every slot busy, and as many jobs again queued behind them, so a slot that frees finds its next job waiting.
        var maxParallelJobs = Math.Max(16, 2 * workers * slots);
        try
        {
            async Task<Phase?> Run(BenchJobMode mode, int jobs) => jobs == 0 ? null
                : await RunPhaseAsync(host, Path.Combine(root, mode.ToString()), StoreOf(topology, cluster, root, mode), topology.Servers,
                    workers, slots, jobs, maxParallelJobs, mode, cancellationToken);
            var warm = (await Run(BenchJobMode.WarmProcess, counts.Warm))!;
            var inProcess = await Run(BenchJobMode.InProcess, counts.InProcess);
            var cold = await Run(BenchJobMode.ColdProcess, counts.Cold);
            return new
            {
                Benchmark = "dispatch", Jobs = counts.Warm, Workers = workers, SlotsPerWorker = slots, MaxParallelJobs = maxParallelJobs,
                Servers = topology.Servers, Store = LeaseBenchmark.KindOf(topology.Store ?? "sqlite:"), Transport = "http loopback", WorkerProcesses = true, JobsRun = "a warm child process per job (the default)",
                MsPerJob = warm.MsPerJob, IdleStartMsMedian = warm.IdleStartMsMedian, IdleStartMsP95 = warm.IdleStartMsP95, StartMsMedian = warm.StartMsMedian, StartMsP95 = warm.StartMsP95, TotalSeconds = warm.Seconds, JobsPerSecond = warm.JobsPerSecond, JobsPerWorker = warm.JobsPerWorker,
                MedianJobMs = warm.MedianJobMs, CpuMsPerJob = warm.Cpu,
                InProcessJobs = inProcess?.Jobs, InProcessMsPerJob = inProcess?.MsPerJob, InProcessTotalSeconds = inProcess?.Seconds,
                InProcessJobsPerSecond = inProcess?.JobsPerSecond, InProcessJobsPerWorker = inProcess?.JobsPerWorker, InProcessMedianJobMs = inProcess?.MedianJobMs, InProcessCpuMsPerJob = inProcess?.Cpu,
                InProcessStartMsMedian = inProcess?.StartMsMedian, InProcessStartMsP95 = inProcess?.StartMsP95,
                InProcessIdleStartMsMedian = inProcess?.IdleStartMsMedian, InProcessIdleStartMsP95 = inProcess?.IdleStartMsP95,
                ColdProcessJobs = cold?.Jobs, ColdProcessMsPerJob = cold?.MsPerJob, ColdProcessTotalSeconds = cold?.Seconds,
                ColdProcessJobsPerSecond = cold?.JobsPerSecond, ColdProcessJobsPerWorker = cold?.JobsPerWorker, ColdProcessMedianJobMs = cold?.MedianJobMs, ColdProcessCpuMsPerJob = cold?.Cpu,
                ColdProcessStartMsMedian = cold?.StartMsMedian, ColdProcessStartMsP95 = cold?.StartMsP95,
                ColdProcessIdleStartMsMedian = cold?.IdleStartMsMedian, ColdProcessIdleStartMsP95 = cold?.IdleStartMsP95,
                LoadAverage = LoadAverage(),
            };
        }
        finally
        {
            DeleteQuietly(root);
        }
    }

    // Each phase on a store of its own: a new SQLite file, or a new database of the throwaway cluster.
    private static string StoreOf(Topology topology, PostgreSqlTestCluster? cluster, string root, BenchJobMode mode)
    {
        if (cluster == null) return topology.Store ?? "sqlite:" + Path.Combine(root, mode.ToString(), "deepforge.db");
        var database = $"bench_{mode.ToString().ToLowerInvariant()}";
        cluster.Execute($"CREATE DATABASE {database}");
        return cluster.Url(database);
    }

    // Fresh servers and fresh workers for each phase, so no worker of one phase holds a lease request in the next.
    private static async Task<Phase> RunPhaseAsync(BenchHost host, string root, string store, int serverCount, int workers, int slots, int jobs, int maxParallelJobs,
        BenchJobMode mode, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await using var servers = await StartServersAsync(host, root, store, serverCount, token, maxParallelJobs, cancellationToken);
        var server = servers[0];
        var engine = server.Services.GetRequiredService<DeepForgeEngine>();
        // Enough jobs in process for the hot paths of server and workers to be compiled; in child processes, one per slot (each costs a process start).
        var warmup = Math.Min(jobs, mode == BenchJobMode.InProcess ? Math.Max(100, 4 * workers * slots) : workers * slots);
        var singles = Math.Min(jobs, IdleJobs);
        var project = new ProjectDefinition { Name = "bench", Pipelines = { Independent("dispatch", jobs, 0), Independent("warmup", warmup, jobs) } };
        for (var i = 0; i < singles; i++) project.Pipelines.Add(Single($"single{i}", jobs + warmup + i));
        await engine.Projects.SaveAsync(project, cancellationToken);
        var operationStarts = Path.Combine(root, "operation-starts.txt");
        await using var processes = BenchWorkers.Start(host, workers, root, [.. servers.Select(s => s.Url)], token, slots, mode, operationStarts);
        await WaitForWorkersAsync(server, processes, workers, cancellationToken);
        await RunAsync(engine, "warmup", processes, cancellationToken);
        var before = DispatchCpu.Sample.Take(processes.Ids);
        var (elapsed, executionId) = await RunAsync(engine, "dispatch", processes, cancellationToken);
        var cpu = DispatchCpu.Between(before, DispatchCpu.Sample.Take(processes.Ids), jobs);
        var done = (await server.Services.GetRequiredService<JobQueue>().OfExecutionAsync(executionId, cancellationToken))
            .Where(j => j.Status == JobStatus.Succeeded).ToList();
        // Which worker ran how many: both must have taken part for the figure to be about several workers.
        var ran = done.GroupBy(j => j.RunnerId).Select(g => g.Count()).OrderDescending().ToList();
        var held = done.Where(j => j is { LeasedAt: not null, FinishedAt: not null })
            .Select(j => (j.FinishedAt!.Value - j.LeasedAt!.Value).TotalMilliseconds).Order().ToList();
        var idle = await IdleStartsAsync(engine, server, singles, processes, operationStarts, cancellationToken);
        return new Phase(jobs, elapsed, ran, held.Count == 0 ? null : Math.Round(held[held.Count / 2], 1), cpu, StartLatencies(done, OperationStarts.Read(operationStarts)), idle);
    }

    // Jobs one at a time, each a run of its own after a pause in which the workers refill their warm processes: the start
    // of a job that finds a worker waiting, as someone who presses Execute on a quiet cluster sees it.
    private static async Task<List<double>> IdleStartsAsync(DeepForgeEngine engine, BenchServer server, int singles, BenchWorkers processes,
        string operationStarts, CancellationToken cancellationToken)
    {
        var done = new List<JobRecord>();
        for (var i = 0; i < singles; i++)
        {
            await Task.Delay(IdlePause, cancellationToken);
            var (_, executionId) = await RunAsync(engine, $"single{i}", processes, cancellationToken);
            done.AddRange(await server.Services.GetRequiredService<JobQueue>().OfExecutionAsync(executionId, cancellationToken));
        }
        return StartLatencies(done.Where(j => j.Status == JobStatus.Succeeded), OperationStarts.Read(operationStarts));
    }

    // Lease (the server's clock) to the operation's start (the job's, on the same machine), sorted: a dispatch node n{i} is NoOp number i.
    private static List<double> StartLatencies(IEnumerable<JobRecord> done, IReadOnlyDictionary<int, DateTimeOffset> starts) =>
        [.. done.Where(j => j.LeasedAt != null)
            .Select(j => int.TryParse(j.NodeId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture, out var id) && starts.TryGetValue(id, out var start)
                ? (start - j.LeasedAt!.Value).TotalMilliseconds : (double?)null)
            .OfType<double>().Order()];

    // The servers as a deployment runs them: each its own data folder, all on the store and blob folder given.
    private static async Task<BenchServers> StartServersAsync(BenchHost host, string root, string store, int count, string token, int maxParallelJobs, CancellationToken cancellationToken)
    {
        var servers = new BenchServers();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var data = Path.Combine(root, $"server-{i + 1}");
                Directory.CreateDirectory(data);
                var config = new JsonObject { ["store"] = store, ["blob.dir"] = Path.Combine(root, "blob") };
                await File.WriteAllTextAsync(Path.Combine(data, "config.json"), config.ToJsonString(), cancellationToken);
                servers.Add(await BenchServer.StartAsync(host, data, token, maxParallelJobs, cancellationToken));
            }
            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    private sealed record Phase(int Jobs, TimeSpan Elapsed, IReadOnlyList<int> JobsPerWorker, double? MedianJobMs, DispatchCpu Cpu, IReadOnlyList<double> StartsMs, IReadOnlyList<double> IdleStartsMs)
    {
        public double? StartMsMedian => Percentile(StartsMs, 0.5);
        public double? StartMsP95 => Percentile(StartsMs, 0.95);
        public double? IdleStartMsMedian => Percentile(IdleStartsMs, 0.5);
        public double? IdleStartMsP95 => Percentile(IdleStartsMs, 0.95);
        private static double? Percentile(IReadOnlyList<double> sorted, double p) =>
            sorted.Count == 0 ? null : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);
        public double MsPerJob => Math.Round(Elapsed.TotalMilliseconds / Jobs, 2);
        public double Seconds => Math.Round(Elapsed.TotalSeconds, 3);
        public double JobsPerSecond => Math.Round(Jobs / Elapsed.TotalSeconds, 1);
    }

    // The machine's load while measured (1, 5 and 15 minutes), so a figure from a busy machine says so.
    private static string? LoadAverage()
    {
        try { return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null; }
        catch (IOException) { return null; }
    }

    /// <summary>Nodes with no connections between them: each is a job of its own, all ready at once.</summary>
    private static PipelineDefinition Single(string name, int id) => new()
    {
        Name = name, Nodes = { new PipelineNode { Id = $"n{id}", Operation = nameof(NoOp), Attributes = { ["id"] = JsonSerializer.SerializeToElement(id) } } },
    };

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
