using DeepForge.Client;
using DeepForge.Hosting;
using DeepForge.Worker;
using DeepForge.Worker.Sessions;
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
    /// The agent is also registered as <see cref="WorkerAgent"/> for hosts that start it themselves. Its options are
    /// checked when it is made (as a host starts), each problem naming the option and the fix. It talks to the server
    /// through DeepForge.Client (<c>AddDeepForgeClient</c>), set up from the worker's options.
    /// Running jobs in this process (RunInChildProcess off) needs <c>AddDeepForge</c> too, for the plugins.
    /// </summary>
    public static IServiceCollection AddDeepForgeWorker(this IServiceCollection services, Action<WorkerOptions>? configure = null)
    {
        services.AddOptions<WorkerOptions>();
        if (configure != null) services.Configure(configure);
        services.AddLogging();
        services.TryAddSingleton(sp => WorkerSettings.From(sp.GetRequiredService<IOptions<WorkerOptions>>().Value));
        services.AddDeepForgeClient(_ => { });
        services.AddOptions<DeepForgeClientOptions>().Configure<IServiceProvider>((client, sp) =>
        {
            var settings = sp.GetRequiredService<WorkerSettings>();
            client.ServerUrl = settings.ServerUrl;
            client.Token = settings.Token;
            // The client rides out a blip; a longer outage is the agent's to wait out (logged once, for as long as it lasts).
            client.RetryDelay = TimeSpan.FromMilliseconds(Math.Min(100, settings.MaxBackoff.TotalMilliseconds));
            client.MaxRetryDelay = settings.MaxBackoff;
        });
        services.TryAddSingleton(sp => new WorkerIdentity(sp.GetRequiredService<WorkerSettings>(), sp.GetRequiredService<ILogger<WorkerAgent>>()));
        services.TryAddSingleton(sp => new JobSessions(sp, sp.GetRequiredService<WorkerSettings>(), sp.GetRequiredService<WorkerIdentity>(),
            sp.GetRequiredService<IRunnerClient>(), sp.GetRequiredService<ILogger<WorkerAgent>>()));
        services.TryAddSingleton(sp => new WorkerAgent(sp.GetRequiredService<WorkerSettings>(), sp.GetRequiredService<WorkerIdentity>(),
            sp.GetRequiredService<JobSessions>(), sp.GetRequiredService<IRunnerClient>(), sp.GetRequiredService<ILogger<WorkerAgent>>()));
        services.AddHostedService(sp => sp.GetRequiredService<WorkerAgent>());
        return services;
    }
}
