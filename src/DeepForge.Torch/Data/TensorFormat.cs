using static TorchSharp.torch;

namespace DeepForge.Torch.Data;

/// <summary>
/// A raw tensor layout: dtype, rank, shape, then the elements as they lie in memory. Copying the
/// memory in large chunks is as fast as the stream, which matters for 60000x1x28x28 datasets.
/// </summary>
internal static class TensorFormat
{
    public const int DefaultChunkBytes = 1 << 26;
    private const int MaxRank = 64;

    public static void Write(BinaryWriter writer, Tensor tensor, int chunkBytes = DefaultChunkBytes)
    {
        using var detached = tensor.detach();
        using var onCpu = detached.cpu();
        using var contiguous = onCpu.contiguous();
        writer.Write((int)contiguous.dtype);
        writer.Write(contiguous.shape.Length);
        foreach (var size in contiguous.shape) writer.Write(size);
        ForEachChunk(contiguous, chunkBytes, chunk => writer.Write(chunk));
    }

    /// <summary>Reads a tensor; <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> when the bytes are not one.</summary>
    public static Tensor Read(BinaryReader reader, int chunkBytes = DefaultChunkBytes)
    {
        var dtype = (ScalarType)reader.ReadInt32();
        if (!Enum.IsDefined(dtype)) throw new InvalidDataException($"unknown element type {(int)dtype}");
        var rank = reader.ReadInt32();
        if (rank is < 0 or > MaxRank) throw new InvalidDataException($"rank {rank} is out of range");
        var shape = new long[rank];
        for (var i = 0; i < rank; i++)
            if ((shape[i] = reader.ReadInt64()) < 0) throw new InvalidDataException($"dimension {i} has negative size {shape[i]}");
        var tensor = empty(shape, dtype);
        try
        {
            RequireBytes(reader.BaseStream, tensor.NumberOfElements * tensor.ElementSize);
            ForEachChunk(tensor, chunkBytes, chunk => ReadExactly(reader, chunk));
            return tensor;
        }
        catch
        {
            tensor.Dispose();
            throw;
        }
    }

    // A corrupt header could ask for terabytes; refuse before filling memory when the stream can tell.
    private static void RequireBytes(Stream stream, long bytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position < bytes)
            throw new EndOfStreamException($"the tensor needs {bytes} bytes but the stream has {stream.Length - stream.Position} left");
    }

    private static void ForEachChunk(Tensor contiguous, int chunkBytes, Action<Span<byte>> action)
    {
        var count = contiguous.NumberOfElements;
        if (count == 0) return;
        var perChunk = Math.Max(1, chunkBytes / contiguous.ElementSize);
        using var flat = contiguous.reshape(-1);
        // Tensor.bytes is one Span, limited to 2 GB; narrowed views of the flat tensor keep each span small.
        for (long start = 0; start < count; start += perChunk)
        {
            using var part = flat.narrow(0, start, Math.Min(perChunk, count - start));
            action(part.bytes);
        }
    }

    private static void ReadExactly(BinaryReader reader, Span<byte> target)
    {
        while (target.Length > 0)
        {
            var read = reader.Read(target);
            if (read == 0) throw new EndOfStreamException("the stream ends inside the tensor's data");
            target = target[read..];
        }
    }
}
