using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DeepForge.Feedback;

/// <summary>Writes 8-bit PNG files; small enough that no imaging package is needed.</summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static byte[] Encode(ImageData image)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        WriteChunk(output, "IHDR", Header(image));
        WriteChunk(output, "IDAT", Compress(image));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Header(ImageData image)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8;
        header[9] = image.Channels switch { 1 => 0, 3 => 2, _ => 6 };
        return header;
    }

    private static byte[] Compress(ImageData image)
    {
        var stride = image.Width * image.Channels;
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var row = 0; row < image.Height; row++)
            {
                z.WriteByte(0); // filter type None for every row
                z.Write(image.Pixels, row * stride, stride);
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        output.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Compute(typeBytes, data));
        output.Write(buffer);
    }
}
