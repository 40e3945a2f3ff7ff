using DeepForge.Projects;
using DeepForge.Runtime;
using DeepForge.Schedules;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge;

/// <summary>Registers schedules: <see cref="ScheduleService"/> everywhere, and the scheduler that fires them on servers.</summary>
public static class ScheduleServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ScheduleService"/> (needs <c>AddDeepForge</c> with a store); safe to call twice.</summary>
    public static IServiceCollection AddDeepForgeSchedules(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(ScheduleService))) return services;
        services.AddSingleton(sp => new ScheduleStore(sp.GetRequiredService<DeepForgeStore>()));
        services.AddSingleton<ScheduleChanges>();
        services.AddSingleton(sp => new ScheduleService(sp.GetRequiredService<ScheduleStore>(), sp.GetRequiredService<ExecutionService>(),
            sp.GetRequiredService<ProjectService>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ScheduleChanges>()));
        return services;
    }

    /// <summary>
    /// Adds <see cref="ScheduleService"/> and the scheduler, a hosted service that fires the stored schedules in this process
    /// (with <c>AddDeepForgeBackgroundExecutions</c>, which runs what it starts); safe to call twice.
    /// </summary>
    public static IServiceCollection AddDeepForgeScheduler(this IServiceCollection services, Action<ScheduleRunnerOptions>? configure = null)
    {
        services.AddDeepForgeSchedules().AddDeepForgeBackgroundExecutions();
        if (!services.Any(s => s.ServiceType == typeof(ScheduleRunner)))
        {
            services.AddOptions<ScheduleRunnerOptions>();
            services.AddSingleton(sp => new ScheduleFire(sp.GetRequiredService<DeepForgeStore>(), sp.GetRequiredService<ScheduleStore>(),
                sp.GetRequiredService<ExecutionService>(), sp.GetRequiredService<BackgroundExecutions>(), sp.GetRequiredService<ILogger<ScheduleFire>>()));
            services.AddSingleton(sp => new ScheduleRunner(sp.GetRequiredService<ScheduleStore>(), sp.GetRequiredService<ScheduleFire>(),
                sp.GetRequiredService<ScheduleChanges>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScheduleRunnerOptions>>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetRequiredService<ILogger<ScheduleRunner>>()));
            services.AddHostedService(sp => sp.GetRequiredService<ScheduleRunner>());
        }
        if (configure != null) services.Configure(configure);
        return services;
    }
}
