using DeepForge.Projects;

namespace DeepForge.Extensions;

/// <summary>
/// <see cref="IExtensionInstaller"/> over a data folder: the installer, the updater and the removal check. The engine's
/// projects are asked for only when removing, so installing works without opening the store or loading plugins.
/// </summary>
internal sealed class LocalExtensionInstaller(string dataDirectory, string settingsDirectory, Func<ProjectService> projects) : IExtensionInstaller
{
    public Task<InstalledExtension> AddAsync(string package, IReadOnlyList<string> extraSources, TextWriter progress, CancellationToken cancellationToken) =>
        new ExtensionInstaller(dataDirectory, settingsDirectory, progress).AddAsync(package, extraSources, cancellationToken);

    public Task<InstalledExtension> RemoveAsync(string id, TextWriter progress, CancellationToken cancellationToken) =>
        ExtensionRemoval.RemoveAsync(dataDirectory, settingsDirectory, projects(), id, progress, cancellationToken);

    public Task<IReadOnlyList<ExtensionUpdate>> UpdateAllAsync(IReadOnlyList<string> extraSources, TextWriter progress, CancellationToken cancellationToken) =>
        new ExtensionUpdater(dataDirectory, settingsDirectory, progress).UpdateAllAsync(extraSources, cancellationToken);

    public IReadOnlyList<InstalledExtension> Installed() => ExtensionManifest.Read(dataDirectory);

    public IReadOnlyList<string> SeedNames(InstalledExtension extension) => ExtensionContents.SeedNames(dataDirectory, extension).ToList();
}
