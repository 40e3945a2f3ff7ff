using DeepForge.Torch.Data;

namespace DeepForge.Torch.Images;

/// <summary>
/// The stored layout of <see cref="ImageBatches"/>: a header (magic, class names, channels, height, width, image count,
/// images per chunk), then chunk after chunk, each its images (float32 [n, C, H, W]) then its labels (int64 [n]).
/// Every chunk but the last holds <see cref="ChunkImages"/> images, so where a chunk starts is computed, not indexed.
/// </summary>
internal sealed record BatchLayout(string[] Classes, int Channels, int Height, int Width, long Count, int ChunkImages)
{
    public const string Magic = "DFBATCH1";
    private const string What = "streamed image dataset";

    public long DataStart { get; init; }

    public int ImageFloats => Channels * Height * Width;

    public long ImageBytes => ImageFloats * (long)sizeof(float);

    public int Chunks => (int)((Count + ChunkImages - 1) / ChunkImages);

    public int ImagesIn(int chunk) => (int)Math.Min(ChunkImages, Count - (long)chunk * ChunkImages);

    public long OffsetOf(int chunk) => DataStart + (long)chunk * ChunkImages * (ImageBytes + sizeof(long));

    public long Length => DataStart + Count * (ImageBytes + sizeof(long));

    public BatchLayout Write(BinaryWriter writer)
    {
        StoredFormat.WriteMagic(writer, Magic);
        writer.Write(Classes.Length);
        foreach (var name in Classes) writer.Write(name);
        writer.Write(Channels);
        writer.Write(Height);
        writer.Write(Width);
        writer.Write(Count);
        writer.Write(ChunkImages);
        writer.Flush();
        return this with { DataStart = writer.BaseStream.Position };
    }

    public static BatchLayout Read(Stream stream) => StoredFormat.Read(What, () =>
    {
        using var reader = StoredFormat.Reader(stream);
        StoredFormat.ExpectMagic(reader, Magic, What);
        var classCount = reader.ReadInt32();
        if (classCount is < 0 or > 1_000_000) throw new InvalidDataException($"class count {classCount} is out of range");
        var classes = new string[classCount];
        for (var i = 0; i < classCount; i++) classes[i] = reader.ReadString();
        var layout = new BatchLayout(classes, reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt64(), reader.ReadInt32())
            { DataStart = stream.Position };
        layout.Check(stream.Length);
        return layout;
    });

    public void CheckChunkSize()
    {
        if (ChunkImages < 1 || ChunkImages * (ImageBytes + sizeof(long)) > int.MaxValue)
            throw new DeepForgeException("chunkImages", $"chunkImages {ChunkImages} is out of range: a chunk of {Channels}x{Height}x{Width} images must hold at least one image and stay under 2 GB");
    }

    private void Check(long length)
    {
        if (Channels < 1 || Height < 1 || Width < 1 || Count < 0 || ChunkImages < 1)
            throw new InvalidDataException($"the header says {Count} images of {Channels}x{Height}x{Width} in chunks of {ChunkImages}");
        if (length != Length)
            throw new InvalidDataException($"the header needs {Length} bytes but there are {length}");
    }
}
