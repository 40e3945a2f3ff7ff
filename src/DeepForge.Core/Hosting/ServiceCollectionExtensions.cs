using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Compilation;
using DeepForge.Hosting;
using DeepForge.Plugins;
using DeepForge.Projects;
using DeepForge.Runtime;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers DeepForge with a service collection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds DeepForge: <c>services.AddDeepForge(df => df.UseSqlite(path).AddTorch())</c>. Safe to call
    /// twice; later calls add configuration. A store must be chosen (for example <c>UseSqlite</c>).
    /// </summary>
    public static IServiceCollection AddDeepForge(this IServiceCollection services, Action<DeepForgeBuilder>? configure = null)
    {
        services.AddDeepForgePlugins();
        if (!services.Any(s => s.ServiceType == typeof(DeepForgeMarker)))
        {
            services.AddSingleton<DeepForgeMarker>();
            AddCore(services);
        }
        configure?.Invoke(new DeepForgeBuilder(services));
        return services;
    }

    private static void AddCore(IServiceCollection services)
    {
        services.AddOptions<DeepForgeOptions>().Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory),
            "DeepForgeOptions.DataDirectory is empty: set it with UseDataDirectory(path) or DEEPFORGE_DATA_DIR")
            .Validate(o => o.LoadedCodeVersions >= 1, "DeepForgeOptions.LoadedCodeVersions must be at least 1 (how many versions of project code stay loaded; default 16)")
            .Validate(o => o.ExecutionLeaseRenewal > TimeSpan.Zero && o.ExecutionLeaseRenewal * 2 <= o.ExecutionLease,
                "DeepForgeOptions.ExecutionLeaseRenewal must be more than zero and at most half of ExecutionLease, so a lease is renewed at least twice before it runs out (defaults 5 s and 20 s)")
            .ValidateOnStart();
        services.TryAddSingleton<IBlobStore>(sp => new FileBlobStore(sp.GetRequiredService<IOptions<DeepForgeOptions>>().Value.ResolvedBlobDirectory,
            sp.GetRequiredService<DeepForgeStore>().Documents));
        services.TryAddSingleton(sp => new BlobCollector(sp.GetRequiredService<IBlobStore>(), sp.GetRequiredService<DeepForgeStore>(), sp.GetServices<IBlobRoots>()));
        services.TryAddSingleton(sp => new DeepForgeStore(RequireStore(sp)));
        // The store's own feed where it has one (every store of this repository does); a ticking one otherwise.
        services.TryAddSingleton<IChangeFeed>(sp => sp.GetRequiredService<DeepForgeStore>().Documents as IChangeFeed ?? new TickingChangeFeed());
        services.TryAddSingleton(sp => new CatalogProvider(sp.GetRequiredService<PluginRegistry>(), sp.GetRequiredService<IBlobStore>(),
            sp.GetRequiredService<DeepForgeStore>().Documents, sp.GetRequiredService<IOptions<DeepForgeOptions>>().Value.LoadedCodeVersions,
            sp.GetService<IProjectCompiler>()));
        services.TryAddSingleton<SeedCatalog>();
        services.TryAddSingleton<ExecutionFactory>();
        services.TryAddSingleton(sp => new ProcessExitRecorder(sp.GetRequiredService<DeepForgeStore>()));
        services.TryAddSingleton<IJobRunner>(sp => new InProcessJobRunner(sp.GetRequiredService<CatalogProvider>(), sp.GetRequiredService<IBlobStore>(),
            Path.Combine(sp.GetRequiredService<IOptions<DeepForgeOptions>>().Value.DataDirectory, "jobs"), sp.GetRequiredService<ProcessExitRecorder>()));
        services.TryAddSingleton(sp => new ProjectService(sp.GetRequiredService<DeepForgeStore>(), sp.GetRequiredService<SeedCatalog>(), sp.GetRequiredService<CatalogProvider>(),
            sp.GetService<IProjectCompiler>()));
        services.TryAddSingleton(sp => new ArtifactService(sp.GetRequiredService<DeepForgeStore>(), sp.GetRequiredService<IBlobStore>(), sp.GetRequiredService<CatalogProvider>(), sp.GetRequiredService<ProjectService>()));
        services.TryAddSingleton(sp => new Export.ExportService(sp.GetRequiredService<DeepForgeStore>(), sp.GetRequiredService<IBlobStore>(), sp.GetServices<Export.IArtifactExporter>()));
        services.TryAddSingleton(CreateExecutions);
        services.TryAddSingleton(sp => new Sweeps.SweepService(sp.GetRequiredService<DeepForgeStore>(), sp.GetRequiredService<ExecutionService>(), sp.GetRequiredService<ProjectService>()));
        services.TryAddSingleton(sp => new DeepForgeEngine(sp.GetRequiredService<ProjectService>(), sp.GetRequiredService<ExecutionService>(), sp.GetRequiredService<ArtifactService>()));
    }

    private static ExecutionService CreateExecutions(IServiceProvider sp)
    {
        var store = sp.GetRequiredService<DeepForgeStore>();
        var options = sp.GetRequiredService<IOptions<DeepForgeOptions>>().Value;
        var lease = new LeaseSettings(ExecutionOwnership.ThisProcess, options.ExecutionLease, options.ExecutionLeaseRenewal);
        return new ExecutionService(store, sp.GetRequiredService<ProjectService>(), sp.GetRequiredService<ExecutionFactory>(), observer =>
            new ExecutionRun(store, new NodeRunner(store, sp.GetRequiredService<IBlobStore>(), sp.GetRequiredService<IJobRunner>(),
                sp.GetRequiredService<CatalogProvider>(), options.FlushInterval, observer), options.MaxParallelOperations, lease, observer));
    }

    private static IDocumentStore RequireStore(IServiceProvider sp)
    {
        var store = sp.GetService<IDocumentStore>()
            ?? throw new InvalidOperationException("DeepForge has no store: call UseSqlite(path) (DeepForge.Storage.Sqlite) inside AddDeepForge");
        store.InitializeAsync().GetAwaiter().GetResult();
        return store;
    }

    private sealed class DeepForgeMarker;
}
