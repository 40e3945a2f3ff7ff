using System.Text.Json;
using DeepForge.Blobs;
using DeepForge.Data;
using DeepForge.Dispatch;
using DeepForge.Hosting;
using DeepForge.Runtime;
using DeepForge.Server.Blobs;
using DeepForge.Server.Dispatch;
using DeepForge.Server.Hosting;
using DeepForge.Server.OpenApi;
using DeepForge.Server.Security;
using DeepForge.Server;
using DeepForge.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers the DeepForge server.</summary>
public static class DeepForgeServerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the DeepForge server: the REST API, the runner protocol, background executions on a job queue
    /// that workers lease from, and the OpenAPI document. Call <c>AddDeepForge</c> with a store as well,
    /// and <c>app.MapDeepForgeServer()</c> on the built app. Safe to call twice; later calls add configuration.
    /// Kestrel listens where the options say (default 127.0.0.1:8888).
    /// </summary>
    public static IServiceCollection AddDeepForgeServer(this IServiceCollection services, Action<DeepForgeServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDeepForge();
        // Saving a project compiles its code, to check it and to run it.
        services.AddDeepForgeCompilation();
        if (!services.Any(s => s.ServiceType == typeof(ServerMarker)))
        {
            services.AddSingleton<ServerMarker>();
            AddOptions(services);
            AddDispatch(services);
            AddHttp(services);
            SecurityServices.Add(services);
        }
        if (configure != null) services.Configure(configure);
        return services;
    }

    private static void AddOptions(IServiceCollection services)
    {
        services.AddOptions<DeepForgeServerOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeepForgeServerOptions>, ServerOptionsValidator>();
        services.AddOptions<DeepForgeOptions>().Configure<IOptions<DeepForgeServerOptions>>((engine, server) =>
            engine.MaxParallelOperations = server.Value.MaxParallelJobs);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<DeepForgeServerOptions>>((kestrel, options) =>
            ServerEndpoint.From(options.Value).ListenOn(kestrel, options.Value));
    }

    private static void AddDispatch(IServiceCollection services)
    {
        services.AddSingleton(sp => QueueOptions(sp.GetRequiredService<IOptions<DeepForgeServerOptions>>().Value));
        // Through DeepForgeStore, which makes sure the store is initialized before the first job is written.
        services.AddSingleton(sp => new RunnerRegistry(sp.GetRequiredService<DeepForgeStore>().Documents, sp.GetRequiredService<JobQueueOptions>()));
        services.AddSingleton(sp => new JobQueue(sp.GetRequiredService<DeepForgeStore>().Documents, sp.GetRequiredService<IBlobStore>(),
            sp.GetRequiredService<RunnerRegistry>(), sp.GetRequiredService<JobQueueOptions>(), sp.GetRequiredService<ILogger<JobQueue>>()));
        // Replace, not TryAdd: AddDeepForge has already registered the in-process runner.
        services.AddSingleton(sp => new ServerExtensions(sp.GetRequiredService<IOptions<DeepForgeOptions>>(), sp.GetRequiredService<IBlobStore>()));
        services.AddSingleton<IBlobRoots>(sp => sp.GetRequiredService<ServerExtensions>());
        services.Replace(ServiceDescriptor.Singleton<IJobRunner>(sp => new QueueJobRunner(sp.GetRequiredService<JobQueue>(),
            sp.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping, sp.GetRequiredService<ILogger<QueueJobRunner>>(),
            sp.GetRequiredService<ServerExtensions>().GetAsync)));
        services.AddSingleton(sp => new WorkerTokens(sp.GetRequiredService<DeepForgeStore>().Documents,
            sp.GetRequiredService<IOptions<DeepForgeServerOptions>>().Value.WorkerTokens));
        services.AddDeepForgeBackgroundExecutions();
        services.AddOptions<BackgroundExecutionOptions>().Configure<IOptions<DeepForgeServerOptions>>((background, server) =>
            background.ResumeOnStart = server.Value.ResumeExecutionsOnStart);
        services.AddSingleton<Server.Sweeps.ServerSweeps>();
        services.AddHostedService(sp => sp.GetRequiredService<Server.Sweeps.ServerSweeps>());
        // Every server fires the stored schedules; the derived execution ids keep a fire to one run when several do.
        services.AddDeepForgeScheduler();
        services.AddHostedService<LeaseSweeper>();
        services.AddHostedService<BlobCollectionService>();
        services.AddHostedService<Server.Blobs.PartialUploads>();
        services.AddSingleton<Server.Retention.StorePruner>();
        services.AddHostedService<Server.Retention.RetentionService>();
    }

    private static void AddHttp(IServiceCollection services)
    {
        services.AddProblemDetails();
        // The same JSON as the store and the workers: camelCase, enums as camelCase strings, nulls left out,
        // NaN and Infinity as "NaN" and "Infinity" (a diverged loss in feedback or an output must not fail a response).
        services.ConfigureHttpJsonOptions(o => Json.Configure(o.SerializerOptions));
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<ServerDocumentTransformer>();
            o.AddOperationTransformer<RunnerProtocolOperationTransformer>();
        });
    }

    private static JobQueueOptions QueueOptions(DeepForgeServerOptions options) => new()
    {
        LeaseDuration = options.LeaseDuration, MaxAttempts = options.MaxAttempts, LongPoll = options.LongPoll, PollInterval = options.PollInterval,
    };
}
