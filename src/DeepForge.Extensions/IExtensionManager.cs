namespace DeepForge.Extensions;

/// <summary>
/// Installs, lists and removes extension packages on behalf of a host that can install them (the server of
/// <c>deepforge start</c>); the designer's extensions page uses it. What is installed or removed takes
/// effect at the host's next start. Refusals are results with a message, never exceptions.
/// </summary>
public interface IExtensionManager
{
    /// <summary>The installed extensions, with what each carries.</summary>
    Task<IReadOnlyList<ExtensionInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Installs <paramref name="package"/>, a package id (<c>id</c> or <c>id@version</c>), from the package sources the
    /// host is configured with, and only from those: a visitor names no feed and no path on the host. Anything but a plain
    /// package id and version is refused before anything is written.
    /// </summary>
    Task<ExtensionResult> AddAsync(string package, CancellationToken cancellationToken = default);

    /// <summary>Removes an installed extension, refused while a project's pipelines use its operations.</summary>
    Task<ExtensionResult> RemoveAsync(string id, CancellationToken cancellationToken = default);
}
