using System.IO.Compression;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary>The real Fashion-MNIST test images and labels, read from Debian's IDX files as a program outside DeepForge would.</summary>
internal static class FashionMnistFiles
{
    /// <summary>The first <paramref name="count"/> test images, each 784 pixels normalised as the seed does: (p / 255 - mean) / std.</summary>
    public static float[][] TestImages(int count, double mean, double standardDeviation)
    {
        var pixels = Read("t10k-images-idx3-ubyte.gz", 16, count * 784);
        return Enumerable.Range(0, count)
            .Select(i => pixels.AsSpan(i * 784, 784).ToArray().Select(p => (float)((p / 255.0 - mean) / standardDeviation)).ToArray())
            .ToArray();
    }

    public static int[] TestLabels(int count) => Read("t10k-labels-idx1-ubyte.gz", 8, count).Select(b => (int)b).ToArray();

    private static byte[] Read(string file, int header, int length)
    {
        using var stream = new GZipStream(File.OpenRead(Path.Combine(FashionMnistFactAttribute.Folder, file)), CompressionMode.Decompress);
        stream.ReadExactly(new byte[header]);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
