using DeepForge.Cli.Commands;
using DeepForge.Cli.Hosting;
using DeepForge.Configuration;
using DeepForge.Hosting;
using DeepForge.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Cli.Bench;

/// <summary>
/// <c>deepforge start -w URL</c> with its hidden options: <c>--jobs-in-process</c> (jobs run inside the worker
/// process, no child process each: for benchmarks and trusted code) and <c>--bench-plugin</c> (the bench's
/// NoOp operation is registered, in the worker and in its jobs' child processes). The same worker as
/// <see cref="WorkerHost"/> otherwise.
/// </summary>
internal static class BenchWorkerHost
{
    public static async Task<int> RunAsync(StartSettings settings, DeepForgeConfig config, bool jobsInProcess, bool benchPlugin, CancellationToken cancellationToken)
    {
        var token = settings.Token ?? config.GetString("worker.token");
        if (token.Length == 0)
            throw new DeepForgeException("--token", "a worker needs a worker token: pass --token (made with `deepforge token create --worker` where the server runs) or set worker.token");
        var serverUrl = settings.ServerUrl ?? "http://localhost:8888";
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddWorker(config, serverUrl, token, settings.Labels, settings.Slots);
        builder.Services.Configure<WorkerOptions>(w =>
        {
            w.RunInChildProcess = !jobsInProcess;
            if (benchPlugin)
            {
                // The child process runs `deepforge bench job-exec`, which has the bench plugin, instead of `job-exec`.
                w.ChildCommand.Clear();
                w.ChildCommand.AddRange(ChildProcessCommand.Current().SkipLast(1).Append("bench").Append(BenchCommand.JobExecVerb));
            }
        });
        // Jobs in this process need the engine's plugins (the seeds' operations, Torch, project code), as a job's child process has them.
        if (jobsInProcess) CliContext.AddEngine(builder.Services, config.DataDirectory, config, benchPlugin ? AddPlugin : null);
        using var host = builder.Build();
        Console.Error.WriteLine($"DeepForge worker leasing jobs from {serverUrl}{(jobsInProcess ? ", jobs in this process" : "")}{(benchPlugin ? ", bench plugin" : "")}; Ctrl+C stops it.");
        await host.RunAsync(cancellationToken);
        return CliAction.Ok;
    }

    /// <summary>Registers the bench's operations (NoOp).</summary>
    public static void AddPlugin(DeepForgeBuilder deepForge) => deepForge.AddPlugin(typeof(NoOp).Assembly, "bench");
}
