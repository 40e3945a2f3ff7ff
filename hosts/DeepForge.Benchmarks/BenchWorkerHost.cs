using DeepForge.Hosting;
using DeepForge.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Benchmarks;

/// <summary>
/// <c>deepforge bench worker</c>: the worker of <c>deepforge start -w URL</c> with the bench's NoOp operation registered,
/// in the worker and in its jobs' child processes (<c>deepforge bench job-exec</c>), and with <c>--jobs-in-process</c> its
/// jobs run inside the worker process, no child process each (the dispatch path alone).
/// </summary>
internal static class BenchWorkerHost
{
    public static async Task<int> RunAsync(BenchHost host, string serverUrl, string token, int slots, bool jobsInProcess, bool noWarmProcesses, CancellationToken cancellationToken)
    {
        var dataDirectory = BenchHost.DataDirectory;
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        host.AddWorker(builder.Services, dataDirectory, serverUrl, token, slots);
        builder.Services.Configure<WorkerOptions>(w =>
        {
            w.RunInChildProcess = !jobsInProcess;
            if (noWarmProcesses) w.WarmProcesses = 0;
            // The child process runs `deepforge bench job-exec`, which has the bench plugin, instead of `job-exec`.
            w.ChildCommand.Clear();
            w.ChildCommand.AddRange(host.Command.Append("bench").Append(BenchmarkCommands.JobExecVerb));
        });
        // Jobs in this process need the engine's plugins (the seeds' operations, Torch, project code), as a job's child process has them.
        if (jobsInProcess) host.AddEngine(builder.Services, dataDirectory, AddPlugin);
        using var app = builder.Build();
        Console.Error.WriteLine($"DeepForge worker leasing jobs from {serverUrl}{(jobsInProcess ? ", jobs in this process" : "")}, bench plugin; Ctrl+C stops it.");
        await app.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>Registers the bench's operations: NoOp from its own assembly (no TorchSharp in reach, as a plugin of non-tensor operations), the rest from this one.</summary>
    public static void AddPlugin(DeepForgeBuilder deepForge) =>
        deepForge.AddPlugin(typeof(NoOp).Assembly, "bench-noop").AddPlugin(typeof(BenchWorkerHost).Assembly, "bench");
}
