namespace DeepForge.Extensions;

/// <summary>
/// Installs, updates and removes extension packages in a data folder for someone trusted with the machine (the
/// deepforge command): packages come from ids, .nupkg files, folders and extra package sources. A page on a server
/// uses <see cref="IExtensionManager"/> instead, which takes package ids from the configured sources only.
/// Wrong input (a path that is no package, an id that is no id, a package whose entries would land outside its folder)
/// throws <see cref="DeepForgeException"/> naming what was wrong before anything is written.
/// </summary>
public interface IExtensionInstaller
{
    /// <summary>
    /// Installs <paramref name="package"/>: a package id (<c>id</c> or <c>id@version</c>) from <paramref name="extraSources"/>
    /// and the configured package sources, a .nupkg file, or a folder (a build output, or one holding a .nupkg).
    /// Progress lines (downloads, dependencies) go to <paramref name="progress"/>.
    /// </summary>
    Task<InstalledExtension> AddAsync(string package, IReadOnlyList<string> extraSources, TextWriter progress, CancellationToken cancellationToken);

    /// <summary>Removes the extension of that id, refused while a project's pipelines use its operations.</summary>
    Task<InstalledExtension> RemoveAsync(string id, TextWriter progress, CancellationToken cancellationToken);

    /// <summary>
    /// Updates each installed extension to the newest version the sources have (the newest stable one; the newest of any
    /// when there is no stable one), all or nothing per extension: one that fails leaves the others updated.
    /// </summary>
    Task<IReadOnlyList<ExtensionUpdate>> UpdateAllAsync(IReadOnlyList<string> extraSources, TextWriter progress, CancellationToken cancellationToken);

    /// <summary>The installed extensions, as recorded in the data folder.</summary>
    IReadOnlyList<InstalledExtension> Installed();

    /// <summary>The names of the seeds an installed extension adds (one folder each).</summary>
    IReadOnlyList<string> SeedNames(InstalledExtension extension);
}
