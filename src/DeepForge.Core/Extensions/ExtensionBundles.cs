using System.IO.Compression;
using DeepForge.Blobs;

namespace DeepForge.Extensions;

/// <summary>
/// Extensions as blobs, so a server can give its workers the extensions it has installed: each
/// extension's assembly folder is zipped (entries sorted, fixed timestamps, so the same folder gives the
/// same hash) and put in the blob store; a worker unpacks the blob into a folder of its own cache.
/// </summary>
public static class ExtensionBundles
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string HashFile = ".deepforge-extension-blob";

    /// <summary>Zips the assembly folder of each extension installed in <paramref name="dataDirectory"/> into <paramref name="blobs"/>.</summary>
    public static async Task<IReadOnlyList<JobExtension>> PublishAsync(string dataDirectory, IBlobStore blobs, CancellationToken cancellationToken = default)
    {
        var published = new List<JobExtension>();
        foreach (var extension in ExtensionManifest.Read(dataDirectory))
        {
            var folder = ExtensionManifest.Resolve(dataDirectory, extension.PluginDirectory);
            if (!Directory.Exists(folder))
                throw new DeepForgeException(extension.Id, $"extension {extension.Id} {extension.Version} is recorded in {ExtensionManifest.FilePath(dataDirectory)} but its folder {folder} is missing: install it again");
            using var zip = new MemoryStream();
            Zip(folder, zip);
            zip.Position = 0;
            var blob = await blobs.PutAsync(zip, null, cancellationToken);
            published.Add(new JobExtension { Id = extension.Id, Version = extension.Version, Blob = blob.Hash, Size = blob.Size });
        }
        return published;
    }

    /// <summary>Writes a zip of every file under <paramref name="folder"/>, the same bytes for the same files.</summary>
    public static void Zip(string folder, Stream destination)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var entry = archive.CreateEntry(Path.GetRelativePath(folder, path).Replace('\\', '/'), CompressionLevel.Optimal);
            entry.LastWriteTime = FixedTime;
            using var input = File.OpenRead(path);
            using var output = entry.Open();
            input.CopyTo(output);
        }
    }

    /// <summary>Where a worker keeps an extension: <c>&lt;cache&gt;/extensions/&lt;id&gt;/&lt;version&gt;/</c>.</summary>
    public static string CacheFolder(string cacheDirectory, JobExtension extension)
    {
        if (!IsSafeName(extension.Id) || !IsSafeName(extension.Version))
            throw new DeepForgeException(extension.Id, $"'{extension.Id}' {extension.Version} is not an extension id and version a worker can keep");
        return Path.Combine(cacheDirectory, "extensions", extension.Id, extension.Version);
    }

    /// <summary>Whether the folder holds the unpacked blob (it records the hash it was unpacked from).</summary>
    public static bool IsUnpacked(string folder, string blob)
    {
        var marker = Path.Combine(folder, HashFile);
        return File.Exists(marker) && File.ReadAllText(marker).Trim() == blob;
    }

    /// <summary>
    /// Unpacks the zip at <paramref name="zipPath"/> into <paramref name="folder"/>: into a staging folder
    /// beside it first, moved into place last, so a half unpacked extension is never loaded.
    /// </summary>
    public static void Unpack(string zipPath, string blob, string folder)
    {
        if (IsUnpacked(folder, blob)) return;
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".staging-{Guid.NewGuid():N}");
        try
        {
            Extract(zipPath, staging);
            File.WriteAllText(Path.Combine(staging, HashFile), blob);
            if (Directory.Exists(folder))
            {
                if (IsUnpacked(folder, blob)) return; // another job unpacked it meanwhile
                var old = Path.Combine(parent, $".old-{Guid.NewGuid():N}");
                Directory.Move(folder, old);
                TryDelete(old);
            }
            try { Directory.Move(staging, folder); }
            catch (IOException) when (IsUnpacked(folder, blob)) { } // lost a race with another process: theirs is the same
        }
        finally
        {
            TryDelete(staging);
        }
    }

    // Every entry is checked before any is written: a bundle with one entry outside the folder is refused whole.
    private static void Extract(string zipPath, string staging)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        var name = $"extension bundle {Path.GetFileName(zipPath)}";
        ArchivePaths.CheckAll(staging, archive.Entries.Select(e => e.FullName), name);
        Directory.CreateDirectory(staging);
        foreach (var entry in archive.Entries)
        {
            var target = ArchivePaths.Inside(staging, entry.FullName, name);
            if (entry.FullName.EndsWith('/')) { Directory.CreateDirectory(target); continue; }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: false);
        }
    }

    private static bool IsSafeName(string name) =>
        name.Length > 0 && name != "." && name != ".." && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !name.Contains('/') && !name.Contains('\\');

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
