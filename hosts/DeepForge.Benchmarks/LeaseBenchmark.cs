using System.Diagnostics;
using System.Text.Json.Nodes;
using DeepForge.Dispatch;
using DeepForge.Runner.Protocol;
using DeepForge.Runtime;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Benchmarks;

/// <summary>
/// Milliseconds per lease with many old jobs in the store: the jobs collection is filled with finished jobs (as a
/// server that ran for months has them), then one job at a time is queued and leased through the server's own
/// <see cref="JobQueue"/>, and each lease is timed (after a few untimed ones). A lease reads the queued and leased partitions only, so with an
/// index on (collection, partition) its time should not grow with the finished jobs.
/// </summary>
internal static class LeaseBenchmark
{
    private const int FillBatch = 1000;
    private const int JobsPerExecution = 10;
    private const int WarmUpLeases = 5;

    public static async Task<object> RunAsync(BenchHost host, string? store, int oldJobs, int leases, CancellationToken cancellationToken)
    {
        if (oldJobs < 0 || leases < 1) throw new DeepForgeException("bench lease", "--jobs must be 0 or more and --leases 1 or more");
        var root = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        store ??= "sqlite:" + Path.Combine(root, "deepforge.db");
        try
        {
            // The store as the command reads it, from the data folder's setting: the same parsing, the same one-line refusals.
            Directory.CreateDirectory(root);
            await File.WriteAllTextAsync(Path.Combine(root, "config.json"), new JsonObject { ["store"] = store }.ToJsonString(), cancellationToken);
            await using var services = host.Build(root);
            var documents = services.GetRequiredService<IDocumentStore>();
            await documents.InitializeAsync(cancellationToken);
            var options = new JobQueueOptions();
            var queue = new JobQueue(documents, services.GetRequiredService<DeepForge.Blobs.IBlobStore>(), new RunnerRegistry(documents, options), options, NullLogger<JobQueue>.Instance);
            var fill = Stopwatch.StartNew();
            await FillAsync(documents, oldJobs, cancellationToken);
            fill.Stop();
            // A few leases first, untimed: the first ones pay for compiling the code path and opening connections.
            await LeaseAllAsync(queue, documents, WarmUpLeases, cancellationToken);
            var times = await LeaseAllAsync(queue, documents, leases, cancellationToken);
            times.Sort();
            return new
            {
                Benchmark = "lease", Store = KindOf(store), OldJobs = oldJobs, Leases = leases,
                FillSeconds = Math.Round(fill.Elapsed.TotalSeconds, 1),
                MedianMs = Math.Round(times[times.Count / 2], 2), P95Ms = Math.Round(times[(int)Math.Ceiling(times.Count * 0.95) - 1], 2),
                MaxMs = Math.Round(times[^1], 2),
            };
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>sqlite, mongodb or postgresql, from a store setting.</summary>
    internal static string KindOf(string store) =>
        store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? "sqlite"
        : store.StartsWith("mongodb", StringComparison.OrdinalIgnoreCase) ? "mongodb" : "postgresql";

    // Finished jobs, ten to an execution, written a thousand to a transaction: what months of runs leave behind.
    private static async Task FillAsync(IDocumentStore documents, int oldJobs, CancellationToken cancellationToken)
    {
        var jobs = new DocumentCollection<JobRecord>(documents, Collections.Jobs);
        var run = Guid.NewGuid().ToString("n")[..8];
        for (var start = 0; start < oldJobs; start += FillBatch)
        {
            var writes = Enumerable.Range(start, Math.Min(FillBatch, oldJobs - start)).Select(i =>
            {
                var job = OldJob($"old-{run}-{i / JobsPerExecution}", $"node{i % JobsPerExecution}");
                return jobs.Write(job.Id, JobDocuments.DonePartition(job.ExecutionId), job, 0);
            }).ToList();
            if (!await documents.PutManyAsync(writes, cancellationToken)) throw new InvalidOperationException("bench lease: an old job's id was taken");
        }
    }

    private static JobRecord OldJob(string executionId, string nodeId)
    {
        var finished = DateTimeOffset.UtcNow.AddDays(-30);
        return new JobRecord
        {
            Id = Guid.NewGuid().ToString("n"), ExecutionId = executionId, NodeId = nodeId, Spec = Spec(executionId, nodeId),
            Status = JobStatus.Succeeded, Attempts = 1, MaxAttempts = 3, EnqueuedAt = finished.AddMinutes(-1), FinishedAt = finished,
        };
    }

    private static JobSpec Spec(string executionId, string nodeId) =>
        new() { ExecutionId = executionId, NodeId = nodeId, Attempt = 1, Operation = "NoOp", DeclaredOutputs = ["result"] };

    // One queued job at a time, leased at once (no long-poll), then stored finished so the next lease starts alike.
    private static async Task<List<double>> LeaseAllAsync(JobQueue queue, IDocumentStore documents, int leases, CancellationToken cancellationToken)
    {
        var jobs = new DocumentCollection<JobRecord>(documents, Collections.Jobs);
        var request = new LeaseRequest("bench-runner", ["cpu"], 1, WaitSeconds: 0);
        var times = new List<double>(leases);
        for (var i = 0; i < leases; i++)
        {
            await queue.EnqueueAsync(Spec($"bench-{Guid.NewGuid():n}", "node"), cancellationToken);
            var clock = Stopwatch.StartNew();
            var leased = await queue.LeaseAsync(request, cancellationToken) ?? throw new InvalidOperationException("bench lease: the queued job was not leased");
            times.Add(clock.Elapsed.TotalMilliseconds);
            var stored = (await jobs.GetAsync(leased.JobId, cancellationToken))!;
            stored.Value.Status = JobStatus.Succeeded;
            await jobs.PutAsync(leased.JobId, JobDocuments.DonePartition(stored.Value.ExecutionId), stored.Value, stored.Version, cancellationToken);
        }

        return times;
    }
}
