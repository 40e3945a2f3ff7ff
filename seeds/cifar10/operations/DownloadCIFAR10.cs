using System.ComponentModel.DataAnnotations;
using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Http;
using System.Text;
using DeepForge.Data;
using DeepForge.Torch.Data;
using DeepForge.Torch.Feedback;
using static TorchSharp.torch;

/// <summary>
/// Gets CIFAR-10 in its official binary format: from a local archive or folder when one is given
/// (the optional archive input, or the path attribute), else by downloading the official archive.
/// </summary>
[Operation(Category = "Data", Cacheable = false, Description = "Downloads or reads CIFAR-10 (binary version)")]
public sealed class DownloadCIFAR10(string url = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz", string path = "", [Range(0, int.MaxValue)] int trainLimit = 0, [Range(0, int.MaxValue)] int testLimit = 0) : Operation
{
    public (ImageDataset trainingData, ImageDataset testingData, string[] classes) Execute(OperationContext context, DataFile? archive = null)
    {
        var files = archive != null ? Cifar10Files.FromArchive(archive.Path)
            : path.Length > 0 ? Cifar10Files.FromPath(path)
            : Cifar10Files.FromArchive(Download(context));
        var train = Cifar10Files.Read(files.Where(f => f.Key.StartsWith("data_batch")).OrderBy(f => f.Key).Select(f => f.Value), trainLimit, files.Classes);
        var test = Cifar10Files.Read(files.Where(f => f.Key.StartsWith("test_batch")).Select(f => f.Value), testLimit, files.Classes);
        Console.WriteLine($"Read {train.Count} training and {test.Count} test images");
        context.Image("first training images", train.Images.narrow(0, 0, Math.Min(16, train.Count)));
        return (train, test, files.Classes);
    }

    private string Download(OperationContext context)
    {
        var target = Path.Combine(context.WorkingDirectory, "cifar-10-binary.tar.gz");
        Console.WriteLine($"downloading {url}");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        using var response = http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, context.CancellationToken).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using (var file = File.Create(target)) response.Content.CopyToAsync(file, context.CancellationToken).GetAwaiter().GetResult();
        return target;
    }
}

/// <summary>
/// The files of CIFAR-10's binary version by name: data_batch_N.bin, test_batch.bin and
/// batches.meta.txt. Each record is one label byte and 3072 pixel bytes (1024 red, 1024 green,
/// 1024 blue); a file may hold any number of records.
/// </summary>
public sealed class Cifar10Files : Dictionary<string, byte[]>
{
    private static readonly string[] DefaultClasses = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];
    private const int RecordSize = 3073;

    public string[] Classes => TryGetValue("batches.meta.txt", out var meta)
        ? Encoding.ASCII.GetString(meta).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : DefaultClasses;

    public static Cifar10Files FromPath(string path) =>
        Directory.Exists(path) ? FromFolder(path)
        : File.Exists(path) ? FromArchive(path)
        : throw new FileNotFoundException($"{path} is neither a CIFAR-10 archive nor a folder");

    public static Cifar10Files FromFolder(string folder)
    {
        var files = new Cifar10Files();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) files.Add(Path.GetFileName(file), File.ReadAllBytes(file));
        return files.Checked(folder);
    }

    public static Cifar10Files FromArchive(string archive)
    {
        var files = new Cifar10Files();
        using var stream = File.OpenRead(archive);
        var magic = new byte[2];
        stream.ReadExactly(magic);
        stream.Position = 0;
        if (magic[0] == 'P' && magic[1] == 'K')
        {
            using var zip = new ZipArchive(stream);
            foreach (var entry in zip.Entries.Where(e => e.Length > 0)) files[Path.GetFileName(entry.FullName)] = ReadAll(entry.Open());
            return files.Checked(archive);
        }
        using var tarStream = magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var tar = new TarReader(tarStream);
        while (tar.GetNextEntry() is { } entry)
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream != null)
                files[Path.GetFileName(entry.Name)] = ReadAll(entry.DataStream);
        return files.Checked(archive);
    }

    public static ImageDataset Read(IEnumerable<byte[]> batches, int limit, string[] classes)
    {
        var records = batches.SelectMany(Records).Take(limit > 0 ? limit : int.MaxValue).ToList();
        var labels = records.Select(r => (long)r[0]).ToArray();
        var pixels = records.SelectMany(r => r.Skip(1)).ToArray();
        var images = tensor(pixels, new long[] { records.Count, 3, 32, 32 }, ScalarType.Byte).to(ScalarType.Float32).div_(255f);
        return new ImageDataset(images, tensor(labels), classes);
    }

    private static IEnumerable<byte[]> Records(byte[] file)
    {
        if (file.Length % RecordSize != 0) throw new InvalidDataException($"a CIFAR-10 batch file holds records of {RecordSize} bytes; this one has {file.Length} bytes");
        for (var offset = 0; offset < file.Length; offset += RecordSize) yield return file[offset..(offset + RecordSize)];
    }

    private Cifar10Files Checked(string source) =>
        Keys.Any(k => k.StartsWith("data_batch")) && Keys.Any(k => k.StartsWith("test_batch")) ? this
        : throw new InvalidDataException($"{source} holds no data_batch_*.bin and test_batch.bin files of CIFAR-10's binary version");

    private static byte[] ReadAll(Stream stream)
    {
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
