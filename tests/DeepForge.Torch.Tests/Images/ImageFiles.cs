using System.Formats.Tar;
using System.IO.Compression;
using SkiaSharp;

namespace DeepForge.Torch.Tests.Images;

/// <summary>Writes class folders of real PNG and JPEG images with Skia, and archives of them, for the image operations' tests.</summary>
internal static class ImageFiles
{
    public static readonly SKColor[] Colours = [SKColors.Red, SKColors.Lime, SKColors.Blue, SKColors.Yellow];

    /// <summary>One class folder per count, named class0, class1, ..., each image filled with that class's colour; every other image a JPEG.</summary>
    public static string Folder(string root, params int[] counts)
    {
        for (var c = 0; c < counts.Length; c++)
            for (var i = 0; i < counts[c]; i++)
                Write(Path.Combine(root, $"class{c}", i % 2 == 0 ? $"{i}.png" : $"{i}.jpg"), Colours[c], 8 + i % 3 * 4, 8 + i % 2 * 6);
        return root;
    }

    public static void Write(string path, SKColor colour, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var image = SKImage.FromBitmap(bitmap);
        var format = path.EndsWith(".png", StringComparison.Ordinal) ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        using var data = image.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
    }

    public static byte[] Png(SKColor colour, int width, int height)
    {
        var path = Path.GetTempFileName() + ".png";
        try
        {
            Write(path, colour, width, height);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static string Zip(string folder, string archive)
    {
        ZipFile.CreateFromDirectory(folder, archive);
        return archive;
    }

    /// <summary>A zip whose entries are given by name, as a hostile or careless archive could name them.</summary>
    public static string Zip(string archive, params (string Name, byte[] Bytes)[] entries)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(bytes);
        }
        return archive;
    }

    public static string TarGz(string folder, string archive)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
        return archive;
    }

    /// <summary>A .tar.gz whose entries are given by name and type.</summary>
    public static string TarGz(string archive, params TarEntry[] entries)
    {
        using var file = File.Create(archive);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new TarWriter(gzip);
        foreach (var entry in entries) writer.WriteEntry(entry);
        return archive;
    }

    public static PaxTarEntry TarFileEntry(string name, byte[] bytes) => new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) };
}
