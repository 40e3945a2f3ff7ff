namespace DeepForge.Hosting;

/// <summary>Where <see cref="ExtensionsServiceCollectionExtensions.AddDeepForgeExtensions"/> installs extensions and where it finds packages.</summary>
public sealed class DeepForgeExtensionsOptions
{
    /// <summary>The data folder: extensions unpack into its <c>extensions/</c> folder and are recorded in its <c>extensions.json</c>. Required.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>
    /// The folder whose NuGet configuration (the machine's, plus any nuget.config on the way to it) names the package
    /// sources; the current folder when null.
    /// </summary>
    public string? PackageSettingsDirectory { get; set; }
}
