using DeepForge.Hosting;
using DeepForge.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers DeepForge's plugins alone.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="PluginRegistry"/> of Core's own operations, the plugins added through <paramref name="configure"/>
    /// (<c>df.AddTorch()</c>, <c>df.AddPlugin(assembly)</c>) and the plugin folders of the options, with no store, engine or
    /// executions: what a process that runs jobs from blobs needs (a worker's job process). <c>AddDeepForge</c> includes it.
    /// Safe to call twice; later calls add configuration.
    /// </summary>
    public static IServiceCollection AddDeepForgePlugins(this IServiceCollection services, Action<DeepForgeBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new DeepForgeBuilder(services);
        if (!services.Any(s => s.ServiceType == typeof(PluginsMarker)))
        {
            services.AddSingleton<PluginsMarker>();
            services.AddOptions<DeepForgeOptions>();
            builder.AddPlugin(typeof(DeepForgeEngine).Assembly, "DeepForge.Core");
            services.TryAddSingleton(Create);
        }
        configure?.Invoke(builder);
        return services;
    }

    private static PluginRegistry Create(IServiceProvider sp)
    {
        var registry = new PluginRegistry();
        foreach (var plugin in sp.GetServices<PluginRegistration>()) registry.Add(plugin.Name, plugin.Assembly);
        foreach (var directory in sp.GetRequiredService<IOptions<DeepForgeOptions>>().Value.PluginDirectories) registry.LoadDirectory(directory);
        return registry;
    }

    private sealed class PluginsMarker;
}
