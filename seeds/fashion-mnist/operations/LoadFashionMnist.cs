using System.ComponentModel.DataAnnotations;
using System.IO.Compression;
using DeepForge.Torch.Data;
using DeepForge.Torch.Feedback;
using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// Reads Fashion-MNIST from its IDX files (gzip or plain), as Debian's dataset-fashion-mnist
/// package installs them. trainLimit and testLimit take the first images only (0 = all).
/// </summary>
[Operation(Category = "Data", Description = "Reads the Fashion-MNIST training and test sets from IDX files")]
public sealed class LoadFashionMnist(string path = "/usr/share/datasets/fashion-mnist", [Range(0, int.MaxValue)] int trainLimit = 0, [Range(0, int.MaxValue)] int testLimit = 0) : Operation
{
    private static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public (ImageDataset trainingData, ImageDataset testingData, string[] classes) Execute(OperationContext context)
    {
        var train = Load("train", trainLimit);
        var test = Load("t10k", testLimit);
        Console.WriteLine($"Read {train.Count} training and {test.Count} test images of {ClassNames.Length} classes from {path}");
        context.Image("first training images", train.Images.narrow(0, 0, Math.Min(16, train.Count)));
        return (train, test, ClassNames);
    }

    private ImageDataset Load(string prefix, int limit)
    {
        var images = ReadIdx(Find($"{prefix}-images-idx3-ubyte"), 0x803, limit);
        var labels = ReadIdx(Find($"{prefix}-labels-idx1-ubyte"), 0x801, limit);
        var count = labels.Dims[0];
        var pixels = tensor(images.Bytes, new long[] { count, 1, images.Dims[1], images.Dims[2] }, ScalarType.Byte).to(ScalarType.Float32).div_(255f);
        var targets = tensor(labels.Bytes, new long[] { count }, ScalarType.Byte).to(ScalarType.Int64);
        return new ImageDataset(pixels, targets, ClassNames);
    }

    private string Find(string name)
    {
        foreach (var candidate in new[] { name + ".gz", name })
            if (File.Exists(Path.Combine(path, candidate))) return Path.Combine(path, candidate);
        throw new FileNotFoundException($"no {name}(.gz) in {path}; install Debian's dataset-fashion-mnist package or set the path attribute");
    }

    private static (int[] Dims, byte[] Bytes) ReadIdx(string file, int magic, int limit)
    {
        using var raw = File.OpenRead(file);
        using Stream stream = file.EndsWith(".gz") ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new BinaryReader(stream);
        var found = ReadBigEndian(reader);
        if (found != magic) throw new InvalidDataException($"{file}: expected IDX magic 0x{magic:x}, found 0x{found:x}");
        var dims = Enumerable.Range(0, magic & 0xff).Select(_ => ReadBigEndian(reader)).ToArray();
        if (limit > 0 && limit < dims[0]) dims[0] = limit;
        var size = dims.Aggregate(1, (a, b) => a * b);
        var bytes = reader.ReadBytes(size);
        if (bytes.Length != size) throw new InvalidDataException($"{file} ends after {bytes.Length} of {size} bytes");
        return (dims, bytes);
    }

    private static int ReadBigEndian(BinaryReader reader) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(reader.ReadBytes(4));
}
