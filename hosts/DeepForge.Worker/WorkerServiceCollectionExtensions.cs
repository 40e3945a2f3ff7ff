using DeepForge.Hosting;
using DeepForge.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers the DeepForge worker with a service collection.</summary>
public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runner agent as a hosted service:
    /// <c>services.AddDeepForgeWorker(w =&gt; { w.ServerUrl = url; w.Token = token; w.ChildCommand.AddRange([exe, "job-exec"]); })</c>.
    /// The agent is also registered as <see cref="WorkerAgent"/> for hosts that start it themselves.
    /// Running jobs in this process (RunInChildProcess off) needs <c>AddDeepForge</c> too, for the plugins.
    /// </summary>
    public static IServiceCollection AddDeepForgeWorker(this IServiceCollection services, Action<WorkerOptions>? configure = null)
    {
        services.AddOptions<WorkerOptions>();
        if (configure != null) services.Configure(configure);
        services.AddLogging();
        services.AddHttpClient(WorkerAgent.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A server host that went away drops connection attempts silently; fail fast and back off instead of hanging.
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.TryAddSingleton(sp => new WorkerAgent(sp, sp.GetRequiredService<IOptions<WorkerOptions>>(),
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<ILogger<WorkerAgent>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WorkerAgent>());
        return services;
    }
}
