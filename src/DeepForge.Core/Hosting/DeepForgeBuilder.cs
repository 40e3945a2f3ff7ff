using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Hosting;

/// <summary>Configures DeepForge inside <see cref="ServiceCollectionExtensions.AddDeepForge"/>: storage, plugins, seeds.</summary>
public sealed class DeepForgeBuilder
{
    internal DeepForgeBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Sets the data folder (database, blobs and config unless set otherwise).</summary>
    public DeepForgeBuilder UseDataDirectory(string path) => Configure(o => o.DataDirectory = path);

    /// <summary>Sets blob.dir.</summary>
    public DeepForgeBuilder UseBlobDirectory(string path) => Configure(o => o.BlobDirectory = path);

    /// <summary>Adds an assembly of operations, data types, serializers or layers that the host ships.</summary>
    public DeepForgeBuilder AddPlugin(Assembly assembly, string? name = null)
    {
        Services.AddSingleton(new PluginRegistration(name ?? assembly.GetName().Name ?? "plugin", assembly));
        return this;
    }

    /// <summary>Adds a folder of plugin assemblies loaded at start.</summary>
    public DeepForgeBuilder AddPluginDirectory(string path) => Configure(o => o.PluginDirectories.Add(path));

    /// <summary>Adds a folder holding seeds, one sub-folder each.</summary>
    public DeepForgeBuilder AddSeedDirectory(string path) => Configure(o => o.SeedDirectories.Add(path));

    /// <summary>Changes options.</summary>
    public DeepForgeBuilder Configure(Action<DeepForgeOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
