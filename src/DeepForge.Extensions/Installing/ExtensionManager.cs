using System.Collections.Concurrent;
using DeepForge.Projects;

namespace DeepForge.Extensions;

/// <summary>
/// The designer's way to the extension installer: <see cref="ExtensionInstaller"/> and
/// <see cref="ExtensionRemoval"/> over the server's data folder, one change at a time. <paramref name="loaded"/>
/// are the extensions the server loaded at its start; anything installed since loads at the next start.
/// Packages come only from the sources of the NuGet configuration seen from <paramref name="settingsDirectory"/> (the
/// server's folder): the page takes a package id and version, never a feed or a path.
/// </summary>
internal sealed class ExtensionManager(string dataDirectory, string settingsDirectory, ProjectService projects, IReadOnlyList<InstalledExtension> loaded) : IExtensionManager
{
    private readonly IReadOnlyList<InstalledExtension> _atStart = loaded;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, ExtensionContents> _contents = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ExtensionInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        // Reading assemblies is file and reflection work: off the caller's thread (a page's circuit).
        return await Task.Run(() => ExtensionManifest.Read(dataDirectory).Select(Describe).ToList(), cancellationToken);
    }

    public async Task<ExtensionResult> AddAsync(string package, CancellationToken cancellationToken = default)
    {
        package = package.Trim();
        if (package.Length == 0) return ExtensionResult.Refused("Give a package id (id or id@version) from the server's package sources.");
        PackageSpec spec;
        try { spec = PackageSpec.Parse(package); }
        catch (DeepForgeException e) { return ExtensionResult.Refused(e.Message); }
        var output = new StringWriter();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var installed = await Task.Run(() => new ExtensionInstaller(dataDirectory, settingsDirectory, output).AddFromSourcesAsync(spec, [], cancellationToken), cancellationToken);
            var info = Describe(installed);
            return ExtensionResult.Done($"Installed {installed.Id} {installed.Version}. Restart the server to load it.", info, Lines(output));
        }
        catch (DeepForgeException e)
        {
            return ExtensionResult.Refused(e.Message, Lines(output));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // NuGet and the file system fail in their own ways (an unreachable feed, a locked file); the page shows why.
            return ExtensionResult.Refused($"{package}: installing failed: {e.Message}", Lines(output));
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<ExtensionResult> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var removed = await ExtensionRemoval.RemoveAsync(dataDirectory, settingsDirectory, projects, id.Trim(), output, cancellationToken);
            var loaded = _atStart.Any(e => e.Id.Equals(removed.Id, StringComparison.OrdinalIgnoreCase));
            return ExtensionResult.Done($"Removed {removed.Id} {removed.Version}." + (loaded ? " Restart the server to unload it." : ""), log: Lines(output));
        }
        catch (DeepForgeException e)
        {
            return ExtensionResult.Refused(e.Message, Lines(output));
        }
        catch (IOException e)
        {
            return ExtensionResult.Refused($"{id}: removing failed: {e.Message}", Lines(output));
        }
        finally
        {
            _gate.Release();
        }
    }

    private ExtensionInfo Describe(InstalledExtension extension)
    {
        var info = new ExtensionInfo
        {
            Id = extension.Id, Version = extension.Version, Source = extension.Source, InstalledAt = extension.InstalledAt, Dependencies = extension.Dependencies,
            Loaded = _atStart.Any(e => e.Id.Equals(extension.Id, StringComparison.OrdinalIgnoreCase) && e.Version == extension.Version),
        };
        var folder = ExtensionManifest.Resolve(dataDirectory, extension.PluginDirectory);
        if (!Directory.Exists(folder))
            return info with { Problem = $"its folder {folder} is missing: install it again" };
        // An installed version's files do not change, so what it carries is read once.
        try
        {
            var contents = _contents.GetOrAdd($"{extension.Id}/{extension.Version}/{extension.InstalledAt:O}", _ => ExtensionContents.Read(dataDirectory, extension));
            return info with { Operations = contents.Operations, Layers = contents.Layers, DataTypes = contents.DataTypes, Seeds = contents.Seeds };
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException)
        {
            return info with { Problem = $"its assemblies in {folder} could not be read: {e.Message}" };
        }
    }

    private static IReadOnlyList<string> Lines(StringWriter output) =>
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
