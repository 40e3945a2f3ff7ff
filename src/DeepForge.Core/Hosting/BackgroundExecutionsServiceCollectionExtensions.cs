using DeepForge.Hosting;
using DeepForge.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers <see cref="BackgroundExecutions"/>.</summary>
public static class BackgroundExecutionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="BackgroundExecutions"/> as a hosted service: executions started with it run in the background of
    /// the host, and those a stopped process left running are resumed at start. The server and the designer both call
    /// it; safe to call twice, later calls add configuration. Needs <c>AddDeepForge</c> with a store.
    /// </summary>
    public static IServiceCollection AddDeepForgeBackgroundExecutions(this IServiceCollection services, Action<BackgroundExecutionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!services.Any(s => s.ServiceType == typeof(BackgroundExecutions)))
        {
            services.AddOptions<BackgroundExecutionOptions>();
            services.AddSingleton<BackgroundExecutions>();
            services.AddHostedService(sp => sp.GetRequiredService<BackgroundExecutions>());
        }
        if (configure != null) services.Configure(configure);
        return services;
    }
}
