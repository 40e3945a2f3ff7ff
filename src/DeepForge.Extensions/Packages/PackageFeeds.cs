using NuGet.Common;
using NuGet.Configuration;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace DeepForge.Extensions;

/// <summary>
/// The package sources extensions come from: the NuGet configuration seen from the current folder
/// (the machine's, plus any nuget.config on the way), and folders or sources given on the command line.
/// </summary>
internal sealed class PackageFeeds : IDisposable
{
    private readonly SourceCacheContext _cache = new() { NoCache = true };
    private readonly List<SourceRepository> _repositories;

    public PackageFeeds(string workingDirectory, IEnumerable<string> extraSources)
    {
        var settings = Settings.LoadDefaultSettings(workingDirectory);
        var configured = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled);
        var extra = extraSources.Select(s => Directory.Exists(s) ? Path.GetFullPath(s) : s).Select(s => new PackageSource(s, s));
        _repositories = extra.Concat(configured).DistinctBy(s => s.Source).Select(s => Repository.Factory.GetCoreV3(s)).ToList();
    }

    /// <summary>The sources searched, for messages.</summary>
    public string Describe() => _repositories.Count == 0 ? "no package sources are configured" : string.Join(", ", _repositories.Select(r => r.PackageSource.Source));

    /// <summary>The version <paramref name="choose"/> picks among those the sources have, and a source that has it; null when none fits.</summary>
    public async Task<(NuGetVersion Version, SourceRepository Source)?> FindAsync(string id, Func<IReadOnlyList<NuGetVersion>, NuGetVersion?> choose, CancellationToken ct)
    {
        var found = new List<(NuGetVersion Version, SourceRepository Source)>();
        foreach (var repository in _repositories)
        {
            try
            {
                var resource = await repository.GetResourceAsync<FindPackageByIdResource>(ct);
                if (resource == null) continue;
                var versions = await resource.GetAllVersionsAsync(id, _cache, NullLogger.Instance, ct);
                found.AddRange(versions.Select(v => (v, repository)));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"warning: package source {repository.PackageSource.Source} could not be searched: {e.Message}");
            }
        }
        var chosen = choose(found.Select(f => f.Version).Distinct().ToList());
        return chosen == null ? null : found.First(f => f.Version == chosen);
    }

    /// <summary>Downloads a package to <paramref name="path"/>.</summary>
    public async Task DownloadAsync(SourceRepository source, string id, NuGetVersion version, string path, CancellationToken ct)
    {
        var resource = await source.GetResourceAsync<FindPackageByIdResource>(ct);
        await using (var stream = File.Create(path))
            if (resource != null && await resource.CopyNupkgToStreamAsync(id, version, stream, _cache, NullLogger.Instance, ct))
                return;
        throw new DeepForgeException(id, $"package {id} {version} could not be downloaded from {source.PackageSource.Source}");
    }

    public void Dispose() => _cache.Dispose();
}
