using System.Diagnostics;
using System.Reflection;
using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace DeepForge.Extensions;

/// <summary>
/// Installs extension packages into <c>&lt;data&gt;/extensions/&lt;id&gt;/&lt;version&gt;/</c>: everything is
/// unpacked into a staging folder first, moved into place last, and <c>extensions.json</c> is written
/// after that, so a failed install leaves nothing behind. Package ids are looked up in the sources of the NuGet
/// configuration seen from <paramref name="settingsDirectory"/>.
/// </summary>
internal sealed class ExtensionInstaller(string dataDirectory, string settingsDirectory, TextWriter output)
{
    /// <summary>The framework extensions are loaded into.</summary>
    public static readonly NuGetFramework HostFramework = NuGetFramework.Parse("net10.0");

    private const string LibFolder = "lib/net10.0";

    /// <summary>Installs from a package id (<c>id</c> or <c>id@version</c>), a .nupkg file, or a folder (a build output, or one holding a .nupkg).</summary>
    public async Task<InstalledExtension> AddAsync(string spec, IReadOnlyList<string> extraSources, CancellationToken ct)
    {
        if (File.Exists(spec))
        {
            if (!spec.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
                throw new DeepForgeException(spec, $"{spec} is not a package: give a .nupkg file, a folder, or a package id");
            return await InstallAsync((staging, package) => FromPackageAsync(Path.GetFullPath(spec), staging, package, [Path.GetDirectoryName(Path.GetFullPath(spec))!, .. extraSources], ct));
        }
        if (Directory.Exists(spec))
        {
            var packages = Directory.GetFiles(spec, "*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).ToList();
            return await InstallAsync((staging, package) => packages.Count > 0
                ? FromPackageAsync(Path.GetFullPath(packages[0]), staging, package, [Path.GetFullPath(spec), .. extraSources], ct)
                : Task.FromResult(FromBuildOutput(Path.GetFullPath(spec), package)));
        }
        if (spec.IndexOfAny(['/', '\\']) >= 0 || spec.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
            throw new DeepForgeException(spec, $"there is no file or folder {spec}, and '{spec}' is not a package id: give an existing .nupkg file or folder, or a package id (e.g. Acme.Ops or Acme.Ops@1.2.0)");
        return await AddFromSourcesAsync(PackageSpec.Parse(spec), extraSources, ct);
    }

    /// <summary>Installs a package by id (and maybe version) from <paramref name="extraSources"/> (searched first) and the configured package sources.</summary>
    public Task<InstalledExtension> AddFromSourcesAsync(PackageSpec spec, IReadOnlyList<string> extraSources, CancellationToken ct) =>
        InstallAsync((staging, package) => FromFeedAsync(spec, staging, package, extraSources, ct));

    private async Task<InstalledExtension> InstallAsync(Func<string, string, Task<Staged>> stage)
    {
        var root = ExtensionManifest.ExtensionsDirectory(dataDirectory);
        var staging = Path.Combine(root, ".staging-" + Guid.NewGuid().ToString("N"));
        var package = Path.Combine(staging, "package");
        Directory.CreateDirectory(Path.Combine(package, LibFolder));
        try
        {
            var installed = ExtensionManifest.Read(dataDirectory);
            var staged = await stage(staging, package);
            // The id and version come from the package's own manifest: they name folders, so they must be plain.
            PackageSpec.CheckId(staged.Id, staged.Source);
            PackageSpec.CheckVersion(staged.Version, staged.Source);

            // Into place: the package folder moves as a whole, then the record is written.
            var final = Path.Combine(root, staged.Id, staged.Version);
            Directory.CreateDirectory(Path.Combine(root, staged.Id));
            if (Directory.Exists(final)) Directory.Move(final, Path.Combine(staging, "replaced"));
            Directory.Move(package, final);
            var entry = new InstalledExtension
            {
                Id = staged.Id, Version = staged.Version, Source = staged.Source, InstalledAt = DateTimeOffset.UtcNow,
                PluginDirectory = Path.GetRelativePath(dataDirectory, Path.Combine(final, LibFolder)),
                SeedDirectories = Directory.Exists(Path.Combine(final, "seeds")) ? [Path.GetRelativePath(dataDirectory, Path.Combine(final, "seeds"))] : [],
                Assemblies = staged.Assemblies, Dependencies = staged.Dependencies,
            };
            ExtensionManifest.Write(dataDirectory, installed.Where(e => !e.Id.Equals(staged.Id, StringComparison.OrdinalIgnoreCase)).Append(entry));
            foreach (var previous in installed.Where(e => e.Id.Equals(staged.Id, StringComparison.OrdinalIgnoreCase) && e.Version != staged.Version))
                TryDelete(Inside(root, previous.Id, previous.Version));
            return entry;
        }
        finally
        {
            TryDelete(staging);
            if (Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any()) TryDelete(root);
        }
    }

    /// <summary>Removes an installed extension's files and record (the record first).</summary>
    public void Remove(InstalledExtension extension)
    {
        var root = ExtensionManifest.ExtensionsDirectory(dataDirectory);
        // The record is a file people can edit: its id names a folder only when it is a plain id inside the extensions folder.
        PackageSpec.CheckId(extension.Id, $"extension '{extension.Id}'");
        var folder = Inside(root, extension.Id);
        ExtensionManifest.Write(dataDirectory, ExtensionManifest.Read(dataDirectory).Where(e => !e.Id.Equals(extension.Id, StringComparison.OrdinalIgnoreCase)));
        TryDelete(folder);
        if (Directory.Exists(root) && !Directory.EnumerateFileSystemEntries(root).Any()) TryDelete(root);
    }

    private sealed record Staged(string Id, string Version, string Source, IReadOnlyList<string> Assemblies, IReadOnlyList<string> Dependencies);

    private async Task<Staged> FromFeedAsync(PackageSpec spec, string staging, string package, IReadOnlyList<string> extraSources, CancellationToken ct)
    {
        var (id, wanted) = (spec.Id, spec.Version);
        using var feeds = new PackageFeeds(settingsDirectory, extraSources);
        var found = await feeds.FindAsync(id, versions => wanted != null
            ? versions.FirstOrDefault(v => v == wanted)
            : versions.Where(v => !v.IsPrerelease).DefaultIfEmpty().Max() ?? versions.DefaultIfEmpty().Max(), ct);
        if (found == null)
            throw new DeepForgeException(id, $"there is no package {id}{(wanted != null ? " " + wanted : "")} in the package sources searched: {feeds.Describe()}");
        var (version, source) = found.Value;
        output.WriteLine($"Downloading {id} {version} from {source.PackageSource.Source}");
        var file = Path.Combine(staging, $"{id}.{version}.nupkg".ToLowerInvariant());
        await feeds.DownloadAsync(source, id, version, file, ct);
        return await StagePackageAsync(file, source.PackageSource.Source, package, staging, feeds, ct);
    }

    private async Task<Staged> FromPackageAsync(string file, string staging, string package, IReadOnlyList<string> extraSources, CancellationToken ct)
    {
        using var feeds = new PackageFeeds(settingsDirectory, extraSources);
        return await StagePackageAsync(file, file, package, staging, feeds, ct);
    }

    private async Task<Staged> StagePackageAsync(string file, string source, string package, string staging, PackageFeeds feeds, CancellationToken ct)
    {
        PackageIdentity identity;
        IReadOnlyList<PackageDependency> dependencies;
        using (var reader = OpenPackage(file, package))
        {
            identity = reader.GetIdentity();
            var name = $"{identity.Id} {identity.Version}";
            var libGroups = reader.GetLibItems().Where(g => g.Items.Any()).ToList();
            var nearest = NuGetFrameworkUtility.GetNearest(libGroups, HostFramework, g => g.TargetFramework);
            if (nearest == null)
                throw new DeepForgeException(identity.Id, libGroups.Count == 0
                    ? $"package {name} has no assemblies (no lib folder), so it holds no DeepForge plugin for net10.0"
                    : $"package {name} has no assemblies for net10.0; it is built for {string.Join(", ", libGroups.Select(g => g.TargetFramework.GetShortFolderName()))}. Rebuild it for net10.0.");
            dependencies = NuGetFrameworkUtility.GetNearest(reader.GetPackageDependencies(), HostFramework, g => g.TargetFramework)?.Packages.ToList() ?? [];
            CheckHostVersions(name, dependencies);
            Extract(reader, nearest.Items, $"lib/{nearest.TargetFramework.GetShortFolderName()}/", Path.Combine(package, LibFolder));
            ExtractSeeds(reader, package);
        }
        var assemblies = Directory.GetFiles(Path.Combine(package, LibFolder), "*.dll").Where(PluginAssemblies.ReferencesCore).Select(Path.GetFileName).ToList();
        if (assemblies.Count == 0)
            throw new DeepForgeException(identity.Id, $"package {identity.Id} {identity.Version} holds no DeepForge plugin: none of its assemblies ({string.Join(", ", Directory.GetFiles(Path.Combine(package, LibFolder), "*.dll").Select(Path.GetFileName))}) references DeepForge.Core");
        var installedDependencies = new List<string>();
        await AddDependenciesAsync($"{identity.Id} {identity.Version}", dependencies, package, staging, feeds, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { identity.Id }, installedDependencies, ct);
        return new Staged(identity.Id, identity.Version.ToNormalizedString(), source, assemblies!, installedDependencies);
    }

    private async Task AddDependenciesAsync(string owner, IEnumerable<PackageDependency> dependencies, string package, string staging, PackageFeeds feeds, HashSet<string> seen, List<string> installed, CancellationToken ct)
    {
        foreach (var dependency in dependencies)
        {
            if (HostPackages.Ships(dependency.Id) || !seen.Add(dependency.Id)) continue;
            var found = await feeds.FindAsync(dependency.Id, versions => dependency.VersionRange.FindBestMatch(versions), ct)
                ?? throw new DeepForgeException(dependency.Id, $"{owner} depends on {dependency.Id} {dependency.VersionRange.PrettyPrint()}, which none of the package sources has ({feeds.Describe()})");
            var (version, source) = found;
            output.WriteLine($"Adding dependency {dependency.Id} {version}");
            var file = Path.Combine(staging, $"{dependency.Id}.{version}.nupkg".ToLowerInvariant());
            await feeds.DownloadAsync(source, dependency.Id, version, file, ct);
            using var reader = OpenPackage(file, package);
            var name = $"{dependency.Id} {version}";
            var nearest = NuGetFrameworkUtility.GetNearest(reader.GetLibItems().Where(g => g.Items.Any()), HostFramework, g => g.TargetFramework);
            if (nearest == null && reader.GetLibItems().Any(g => g.Items.Any()))
                throw new DeepForgeException(dependency.Id, $"{owner} depends on {name}, which has no assemblies for net10.0 (it is built for {string.Join(", ", reader.GetLibItems().Select(g => g.TargetFramework.GetShortFolderName()))})");
            var next = NuGetFrameworkUtility.GetNearest(reader.GetPackageDependencies(), HostFramework, g => g.TargetFramework)?.Packages.ToList() ?? [];
            CheckHostVersions(name, next);
            if (nearest != null) Extract(reader, nearest.Items, $"lib/{nearest.TargetFramework.GetShortFolderName()}/", Path.Combine(package, LibFolder));
            installed.Add($"{dependency.Id}/{version.ToNormalizedString()}");
            await AddDependenciesAsync(name, next, package, staging, feeds, seen, installed, ct);
        }
    }

    private static void CheckHostVersions(string owner, IEnumerable<PackageDependency> dependencies)
    {
        foreach (var dependency in dependencies)
        {
            if (HostPackages.PinnedVersion(dependency.Id) is not { } host || dependency.VersionRange.MinVersion is not { } min) continue;
            if (min > host)
                throw new DeepForgeException(owner, $"version conflict: {owner} needs {dependency.Id} {dependency.VersionRange.PrettyPrint()}, but this deepforge has {dependency.Id} {host}. Update deepforge, or use a version of the extension built for {dependency.Id} {host}.");
        }
    }

    /// <summary>
    /// Opens a package and checks every entry before anything is unpacked: a file that is no zip, or a package with one
    /// entry that would land outside <paramref name="package"/> (zip names can hold <c>..</c>), is refused whole.
    /// </summary>
    private static PackageArchiveReader OpenPackage(string file, string package)
    {
        PackageArchiveReader reader;
        try
        {
            reader = new PackageArchiveReader(file);
        }
        catch (InvalidDataException e)
        {
            throw new DeepForgeException(file, $"{file} is not a NuGet package (a .nupkg is a zip archive: {e.InnerException?.Message ?? e.Message}); give a package built by dotnet pack");
        }
        try
        {
            ArchivePaths.CheckAll(package, reader.GetFiles(), Path.GetFileName(file));
            reader.GetIdentity();
            return reader;
        }
        catch (Exception e) when (e is PackagingException or InvalidDataException or System.Xml.XmlException)
        {
            reader.Dispose();
            throw new DeepForgeException(file, $"{file} is not a NuGet package: {e.Message}");
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private static void Extract(PackageArchiveReader reader, IEnumerable<string> items, string prefix, string destination)
    {
        foreach (var item in items)
        {
            var relative = item.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? item[prefix.Length..] : Path.GetFileName(item);
            var target = ArchivePaths.Inside(destination, relative, "the package");
            if (File.Exists(target)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var stream = reader.GetStream(item);
            using var file = File.Create(target);
            stream.CopyTo(file);
        }
    }

    // Seeds travel in a top-level seeds/ folder, or as content files (contentFiles/<language>/<framework>/seeds/...).
    private static void ExtractSeeds(PackageArchiveReader reader, string package)
    {
        var destination = Path.Combine(package, "seeds");
        foreach (var item in reader.GetFiles())
        {
            var parts = item.Split('/');
            var at = parts.Length > 1 && parts[0] == "seeds" ? 1
                : parts.Length > 4 && parts[0] == "contentFiles" && parts[3] == "seeds" ? 4
                : -1;
            if (at < 0) continue;
            var target = ArchivePaths.Inside(destination, string.Join('/', parts[at..]), "the package");
            if (File.Exists(target)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var stream = reader.GetStream(item);
            using var file = File.Create(target);
            stream.CopyTo(file);
        }
    }

    private static Staged FromBuildOutput(string folder, string package)
    {
        var plugins = Directory.GetFiles(folder, "*.dll").Where(PluginAssemblies.ReferencesCore).Where(p => !HostPackages.HasAssembly(Path.GetFileName(p))).ToList();
        if (plugins.Count == 0)
            throw new DeepForgeException(folder, "holds no DeepForge plugin: no .nupkg, and none of its assemblies references DeepForge.Core");
        var main = plugins.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p).Equals(Path.GetFileName(folder), StringComparison.OrdinalIgnoreCase)) ?? plugins[0];
        var name = AssemblyName.GetAssemblyName(main);
        var informational = FileVersionInfo.GetVersionInfo(main).ProductVersion?.Split('+')[0];
        var version = NuGetVersion.TryParse(informational, out var v) ? v.ToNormalizedString()
            : name.Version is { } av ? $"{av.Major}.{av.Minor}.{Math.Max(av.Build, 0)}" : "0.0.0";
        var lib = Path.Combine(package, LibFolder);
        foreach (var file in Directory.GetFiles(folder).Where(f => !HostPackages.HasAssembly(Path.GetFileName(f))))
            File.Copy(file, Path.Combine(lib, Path.GetFileName(file)));
        if (Directory.Exists(Path.Combine(folder, "seeds"))) CopyDirectory(Path.Combine(folder, "seeds"), Path.Combine(package, "seeds"));
        return new Staged(name.Name!, version, folder, plugins.Select(Path.GetFileName).ToList()!, []);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from)) CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    /// <summary>A folder under the extensions folder, or nothing when the parts would lead outside it (a hand-edited record).</summary>
    private static string Inside(string root, params string[] parts)
    {
        var full = Path.GetFullPath(Path.Combine([root, .. parts]));
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return full.StartsWith(prefix, StringComparison.Ordinal) && parts.All(p => p.Length > 0 && p != "." && p != ".." && p.IndexOfAny(['/', '\\']) < 0)
            ? full
            : throw new DeepForgeException(string.Join('/', parts), $"'{string.Join('/', parts)}' is not a folder inside the extensions folder {root}; nothing was removed");
    }

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
