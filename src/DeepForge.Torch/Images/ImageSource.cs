using System.Formats.Tar;
using System.IO.Compression;

namespace DeepForge.Torch.Images;

/// <summary>
/// The images of a folder, a .zip, a .tar or a .tar.gz. A zip is read in place; a tar is extracted into the job's own
/// folder first (entries are read in order only), each path checked before anything is written.
/// </summary>
internal sealed class ImageSource : IDisposable
{
    private const long MaxEntryBytes = 256L << 20;
    private readonly ZipArchive? _zip;

    private ImageSource(string[] classes, List<ImageFile> images, ZipArchive? zip) => (Classes, Images, _zip) = (classes, images, zip);

    public string[] Classes { get; }

    public IReadOnlyList<ImageFile> Images { get; }

    /// <summary>Opens <paramref name="path"/>, a folder or an archive; <paramref name="scratch"/> is where a tar may be extracted.</summary>
    public static ImageSource Open(string path, string where, Func<string> scratch)
    {
        if (Directory.Exists(path)) return FromFolder(path, where);
        if (!File.Exists(path)) throw new DeepForgeException(where, $"{where}: there is no folder or archive {path}");
        var kind = Sniff(path);
        try
        {
            return kind switch
            {
                "zip" => FromZip(path, where),
                "gzip" or "tar" => FromTar(path, where, kind == "gzip", scratch()),
                _ => throw new DeepForgeException(where, $"{where} is neither a folder nor a .zip, .tar or .tar.gz archive of class folders"),
            };
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not FileNotFoundException)
        {
            throw new DeepForgeException(where, $"{where} is a damaged {kind} archive: {e.Message}", e);
        }
    }

    public void Dispose() => _zip?.Dispose();

    private static ImageSource FromFolder(string folder, string where)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f), (Func<Stream>)(() => File.OpenRead(f)))).ToList();
        var folders = Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(folder, d));
        var (classes, images) = ClassFolders.Arrange(where, files, folders);
        return new ImageSource(classes, images, null);
    }

    private static ImageSource FromZip(string path, string where)
    {
        var zip = ZipFile.OpenRead(path);
        try
        {
            var files = zip.Entries.Where(e => !IsFolder(e.FullName)).Select(e => (e.FullName, (Func<Stream>)e.Open)).ToList();
            var folders = zip.Entries.Where(e => IsFolder(e.FullName)).Select(e => e.FullName);
            var (classes, images) = ClassFolders.Arrange(where, files, folders);
            return new ImageSource(classes, images, zip);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    private static ImageSource FromTar(string path, string where, bool gzip, string target)
    {
        using (var file = File.OpenRead(path))
        using (var stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file)
        using (var reader = new TarReader(stream))
            while (reader.GetNextEntry() is { } entry)
                Extract(entry, target);
        return FromFolder(target, where);
    }

    private static void Extract(TarEntry entry, string target)
    {
        var parts = ClassFolders.Parts(entry.Name);
        if (parts.Length == 0) return;
        var destination = Path.GetFullPath(Path.Combine([target, .. parts]));
        // Parts refused '..' and absolute paths already; this is the last guard that nothing lands outside the job's folder.
        if (!destination.StartsWith(Path.GetFullPath(target) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new DeepForgeException($"archive entry '{entry.Name}'", $"archive entry '{entry.Name}' points outside the archive; nothing was extracted");
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(destination);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                if (entry.Length > MaxEntryBytes)
                    throw new DeepForgeException($"archive entry '{entry.Name}'", $"archive entry '{entry.Name}' is {entry.Length >> 20} MB, more than an image may be ({MaxEntryBytes >> 20} MB)");
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                entry.ExtractToFile(destination, overwrite: false);
                break;
            case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                throw new DeepForgeException($"archive entry '{entry.Name}'", $"archive entry '{entry.Name}' is a link; only files and folders are read from an image archive");
        }
    }

    private static bool IsFolder(string name) => name.EndsWith('/') || name.EndsWith('\\');

    private static string Sniff(string path)
    {
        using var file = File.OpenRead(path);
        var head = new byte[262];
        var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (length >= 2 && head[0] == 'P' && head[1] == 'K') return "zip";
        if (length >= 2 && head[0] == 0x1f && head[1] == 0x8b) return "gzip";
        if (length >= 262 && System.Text.Encoding.ASCII.GetString(head, 257, 5) == "ustar") return "tar";
        return "unknown";
    }
}
