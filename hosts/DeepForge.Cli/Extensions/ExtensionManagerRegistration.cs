using DeepForge.Cli.Extensions;
using DeepForge.Extensions;
using Microsoft.Extensions.DependencyInjection;

// Beside AddDeepForgeServer and AddDeepForgeDesigner, so the server host registers it without another using.
namespace DeepForge.Hosting;

/// <summary>Registers the command's <see cref="IExtensionManager"/>, with which the designer's extensions page installs and removes extensions.</summary>
internal static class ExtensionManagerRegistration
{
    /// <summary>
    /// What is installed now is what the engine of this host loads (it reads the same record while it is
    /// registered), so the manager tells that from what is installed later and loads at the next start. Packages come
    /// from the sources of the NuGet configuration seen from <paramref name="settingsDirectory"/> (default: the current folder).
    /// </summary>
    public static IServiceCollection AddExtensionManager(this IServiceCollection services, string dataDirectory, string? settingsDirectory = null)
    {
        var loaded = ExtensionManifest.Read(dataDirectory);
        var settings = Path.GetFullPath(settingsDirectory ?? Directory.GetCurrentDirectory());
        services.AddSingleton<IExtensionManager>(sp => new ExtensionManager(dataDirectory, settings, sp.GetRequiredService<DeepForgeEngine>().Projects, loaded));
        return services;
    }
}
