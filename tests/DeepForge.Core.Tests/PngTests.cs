using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DeepForge.Feedback;

namespace DeepForge.Core.Tests;

public sealed class PngTests
{
    [Fact]
    public void ToPng_WritesSignatureHeaderAndPixels()
    {
        byte[] pixels = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90];
        var png = new ImageData(3, 2, 3, pixels).ToPng();

        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        var chunks = Chunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal(13, header.Length);
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(8, header[8]); // bit depth
        Assert.Equal(2, header[9]); // colour type RGB
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress)) z.CopyTo(inflated);
        Assert.Equal([0, .. pixels[..9], 0, .. pixels[9..]], inflated.ToArray()); // filter byte 0 before each row
    }

    [Fact]
    public void ToPng_MarksGreyAndAlphaColourTypes()
    {
        Assert.Equal(0, Chunks(new ImageData(1, 1, 1, [7]).ToPng())[0].Data[9]);
        Assert.Equal(6, Chunks(new ImageData(1, 1, 4, [1, 2, 3, 4]).ToPng())[0].Data[9]);
    }

    [Fact]
    public void ImageData_RefusesPixelCountThatDoesNotMatch() =>
        Assert.Throws<ArgumentException>(() => new ImageData(2, 2, 3, new byte[11]));

    private static List<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png[(at + 8)..(at + 8 + length)];
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(Crc(png.AsSpan(at + 4, 4 + length)), crc);
            chunks.Add((type, data));
            at += 12 + length;
        }
        return chunks;
    }

    /// <summary>CRC-32 (ISO-HDLC), bit by bit: an independent check of the chunk CRCs.</summary>
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
