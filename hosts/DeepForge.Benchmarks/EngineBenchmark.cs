using System.Diagnostics;
using DeepForge.Configuration;
using DeepForge.Models;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>Measures the runtime's own cost per operation: no-op operations in a chain and in a wide graph, run in-process on the SQLite store.</summary>
internal static class EngineBenchmark
{
    public static async Task<object> RunAsync(BenchHost host, int nodes, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        try
        {
            await using var services = host.Build(dataDirectory, BenchWorkerHost.AddPlugin);
            var engine = services.GetRequiredService<DeepForgeEngine>();
            var project = new ProjectDefinition { Name = "bench", Pipelines = { BenchPipelines.Chain(nodes), BenchPipelines.Wide(nodes), BenchPipelines.Chain(20) } };
            project.Pipelines[2].Name = "warmup";
            await engine.Projects.SaveAsync(project, cancellationToken);
            await RunAsync(engine, "warmup", cancellationToken);
            var chain = await RunAsync(engine, "chain", cancellationToken);
            var wide = await RunAsync(engine, "wide", cancellationToken);
            return new
            {
                Benchmark = "engine", Nodes = nodes, Store = "sqlite", Parallelism = Math.Max(2, Environment.ProcessorCount),
                ChainMsPerOperation = Math.Round(chain / nodes, 4), WideMsPerOperation = Math.Round(wide / nodes, 4),
                ChainTotalMs = Math.Round(chain, 1), WideTotalMs = Math.Round(wide, 1),
            };
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<double> RunAsync(DeepForgeEngine engine, string pipeline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var execution = await engine.Executions.RunAsync("bench", pipeline, cancellationToken: cancellationToken);
        clock.Stop();
        if (execution.Status != ExecutionStatus.Succeeded) throw new InvalidOperationException($"bench pipeline {pipeline} ended {execution.Status}: {execution.Error}");
        return clock.Elapsed.TotalMilliseconds;
    }
}
