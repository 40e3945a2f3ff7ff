using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>
/// Writes a small archive in CIFAR-10's official binary format: cifar-10-batches-bin/ with
/// data_batch_1.bin ... data_batch_5.bin, test_batch.bin and batches.meta.txt, as a .tar.gz.
/// Each record is one label byte and 3072 pixel bytes (1024 red, 1024 green, 1024 blue).
/// </summary>
internal static class CifarArchive
{
    public static readonly string[] Classes = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    public static void Write(string path, int recordsPerTrainingBatch, int testRecords)
    {
        var random = new Random(10);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Ustar);
        Add(tar, "cifar-10-batches-bin/batches.meta.txt", Encoding.ASCII.GetBytes(string.Join("\n", Classes) + "\n\n"));
        for (var batch = 1; batch <= 5; batch++)
            Add(tar, $"cifar-10-batches-bin/data_batch_{batch}.bin", Records(recordsPerTrainingBatch, random));
        Add(tar, "cifar-10-batches-bin/test_batch.bin", Records(testRecords, random));
    }

    /// <summary>Images whose colour says their class, with noise, so the data is learnable but not trivial.</summary>
    private static byte[] Records(int count, Random random)
    {
        var bytes = new byte[count * 3073];
        for (var i = 0; i < count; i++)
        {
            var record = bytes.AsSpan(i * 3073, 3073);
            var label = (byte)(i % 10);
            record[0] = label;
            for (var p = 1; p < record.Length; p++)
                record[p] = (byte)Math.Clamp(label * 25 + random.Next(-20, 21), 0, 255);
        }
        return bytes;
    }

    private static void Add(TarWriter tar, string name, byte[] content)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content), Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead };
        tar.WriteEntry(entry);
    }
}
