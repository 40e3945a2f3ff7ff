using System.IO.Compression;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Export;

/// <summary>Reads the first images of the real Fashion-MNIST test set (Debian's dataset-fashion-mnist) as a [N, 1, 28, 28] tensor scaled to 0..1.</summary>
internal static class FashionMnistImages
{
    public const string Folder = "/usr/share/datasets/fashion-mnist";

    public static bool Installed => File.Exists(Path.Combine(Folder, "t10k-images-idx3-ubyte.gz"));

    public static Tensor TestImages(int count)
    {
        using var file = File.OpenRead(Path.Combine(Folder, "t10k-images-idx3-ubyte.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var header = new byte[16];
        gzip.ReadExactly(header);
        var pixels = new byte[count * 28 * 28];
        gzip.ReadExactly(pixels);
        return tensor(pixels.Select(p => p / 255f).ToArray(), [count, 1, 28, 28]);
    }
}
