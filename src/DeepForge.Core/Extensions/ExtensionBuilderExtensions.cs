using DeepForge.Extensions;
using DeepForge.Hosting;

// Every AddX/UseX of DeepForge is in the root namespace, so `using DeepForge;` is all a host needs to configure it.
namespace DeepForge;

/// <summary>Loads the extensions installed in a data folder (<c>deepforge extensions add</c>).</summary>
public static class ExtensionBuilderExtensions
{
    /// <summary>Adds each installed extension's assemblies as a plugin folder and its seeds as seed folders.</summary>
    public static DeepForgeBuilder AddInstalledExtensions(this DeepForgeBuilder builder, string dataDirectory)
    {
        foreach (var extension in ExtensionManifest.Read(dataDirectory))
        {
            builder.AddPluginDirectory(ExtensionManifest.Resolve(dataDirectory, extension.PluginDirectory));
            foreach (var seeds in extension.SeedDirectories)
                builder.AddSeedDirectory(ExtensionManifest.Resolve(dataDirectory, seeds));
        }
        return builder;
    }
}
