using NuGet.Versioning;

namespace DeepForge.Extensions;

/// <summary>
/// Updates each installed extension to the newest version the package sources have (the newest stable
/// one; the newest of any when there is no stable one), through the same install as
/// <c>extensions add</c>: all or nothing per extension, and one that fails leaves the others updated.
/// </summary>
internal sealed class ExtensionUpdater(string dataDirectory, string settingsDirectory, TextWriter output)
{
    public async Task<IReadOnlyList<ExtensionUpdate>> UpdateAllAsync(IReadOnlyList<string> extraSources, CancellationToken ct)
    {
        var changes = new List<ExtensionUpdate>();
        foreach (var extension in ExtensionManifest.Read(dataDirectory))
        {
            try
            {
                changes.Add(await UpdateAsync(extension, extraSources, ct));
            }
            catch (DeepForgeException e)
            {
                changes.Add(new ExtensionUpdate(extension.Id, extension.Version, null, string.Join("; ", e.Problems.Select(p => p.Message))));
            }
        }
        return changes;
    }

    private async Task<ExtensionUpdate> UpdateAsync(InstalledExtension extension, IReadOnlyList<string> extraSources, CancellationToken ct)
    {
        // An extension installed from a file or a folder: that folder is a source too.
        var sources = extraSources.ToList();
        if (extension.Source is { Length: > 0 } from)
        {
            if (File.Exists(from)) sources.Add(Path.GetDirectoryName(Path.GetFullPath(from))!);
            else if (Directory.Exists(from)) sources.Add(Path.GetFullPath(from));
        }
        NuGetVersion newest;
        using (var feeds = new PackageFeeds(settingsDirectory, sources))
        {
            var found = await feeds.FindAsync(extension.Id, versions =>
                versions.Where(v => !v.IsPrerelease).DefaultIfEmpty().Max() ?? versions.DefaultIfEmpty().Max(), ct);
            if (found == null)
                throw new DeepForgeException(extension.Id, $"no package {extension.Id} in the package sources searched: {feeds.Describe()}");
            newest = found.Value.Version;
        }
        if (NuGetVersion.TryParse(extension.Version, out var current) && newest <= current)
            return new ExtensionUpdate(extension.Id, extension.Version, null, null);
        var installed = await new ExtensionInstaller(dataDirectory, settingsDirectory, output).AddAsync($"{extension.Id}@{newest.ToNormalizedString()}", sources, ct);
        return new ExtensionUpdate(extension.Id, extension.Version, installed.Version, null);
    }
}
