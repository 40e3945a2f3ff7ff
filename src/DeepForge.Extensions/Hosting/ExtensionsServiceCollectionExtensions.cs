using DeepForge.Extensions;
using DeepForge.Hosting;
using Microsoft.Extensions.DependencyInjection;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Registers the extension installer: <see cref="IExtensionInstaller"/> for the command, <see cref="IExtensionManager"/> for the designer's extensions page.</summary>
public static class ExtensionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IExtensionInstaller"/> and <see cref="IExtensionManager"/> over a data folder. What is installed
    /// now is what the engine of this host loads (it reads the same record while it is registered), so the manager tells
    /// that from what is installed later and loads at the next start. Removing needs the engine's projects
    /// (<see cref="DeepForgeEngine"/>), which are read only then.
    /// </summary>
    public static IServiceCollection AddDeepForgeExtensions(this IServiceCollection services, Action<DeepForgeExtensionsOptions> configure)
    {
        var options = new DeepForgeExtensionsOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            throw new ArgumentException("DeepForgeExtensionsOptions.DataDirectory is empty: set the data folder extensions are installed into", nameof(configure));
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        var settings = Path.GetFullPath(options.PackageSettingsDirectory ?? Directory.GetCurrentDirectory());
        var loaded = ExtensionManifest.Read(dataDirectory);
        services.AddSingleton<IExtensionInstaller>(sp => new LocalExtensionInstaller(dataDirectory, settings, () => sp.GetRequiredService<DeepForgeEngine>().Projects));
        services.AddSingleton<IExtensionManager>(sp => new ExtensionManager(dataDirectory, settings, sp.GetRequiredService<DeepForgeEngine>().Projects, loaded));
        return services;
    }
}
