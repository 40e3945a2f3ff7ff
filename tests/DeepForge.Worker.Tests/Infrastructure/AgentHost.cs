using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>A worker agent in this process, as a host would run it: started, and stopped on dispose. Its jobs run in real child processes.</summary>
internal sealed class AgentHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private AgentHost(ServiceProvider services, LogCollector logs)
    {
        _services = services;
        Logs = logs;
        Agent = services.GetRequiredService<WorkerAgent>();
    }

    public WorkerAgent Agent { get; }

    public LogCollector Logs { get; }

    /// <summary>Starts an agent; <paramref name="inProcess"/> runs its jobs in this process, with DeepForge's plugins added to its services.</summary>
    public static async Task<AgentHost> StartAsync(string url, string folder, Action<WorkerOptions>? configure = null, bool inProcess = false)
    {
        var logs = new LogCollector();
        var collection = new ServiceCollection();
        if (inProcess) collection.AddDeepForge();
        var services = collection
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddDeepForgeWorker(w =>
            {
                w.ServerUrl = url;
                w.Token = ServerHost.WorkerToken;
                w.DataDirectory = folder;
                w.WorkDirectory = Path.Combine(folder, "worker");
                w.CacheDirectory = Path.Combine(folder, "worker-cache");
                w.UseBlob = false;
                w.MaxBackoff = TimeSpan.FromMilliseconds(500);
                w.ChildCommand.AddRange(TestHost.Command);
                w.RunInChildProcess = !inProcess;
                configure?.Invoke(w);
            })
            .BuildServiceProvider();
        var host = new AgentHost(services, logs);
        await host.Agent.StartAsync(CancellationToken.None);
        return host;
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Agent.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }
}
