using System.Runtime.InteropServices;
using DeepForge.Torch.Data;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Images;

/// <summary>
/// Labelled images stored in chunks and read batch by batch, so a dataset larger than memory can be trained on: at most
/// one chunk and one batch are in memory at a time. Produced by <see cref="ImageFolderBatches"/>; read with
/// <see cref="Batches"/>.
/// </summary>
public sealed class ImageBatches : IDisposable
{
    private readonly BatchLayout _layout;
    private readonly bool _owned;

    internal ImageBatches(string path, bool owned)
    {
        using (var stream = File.OpenRead(path)) _layout = BatchLayout.Read(stream);
        (Path, _owned) = (path, owned);
    }

    /// <summary>The file that holds the chunks (read-only: it may be the stored blob itself).</summary>
    public string Path { get; }

    /// <summary>The class names a label indexes.</summary>
    public string[] Classes => _layout.Classes;

    /// <summary>The number of images.</summary>
    public long Count => _layout.Count;

    /// <summary>The shape of one image: channels, height, width.</summary>
    public long[] ImageShape => [_layout.Channels, _layout.Height, _layout.Width];

    /// <summary>How many images a chunk holds: what is read from disk at once.</summary>
    public int ChunkImages => _layout.ChunkImages;

    /// <summary>
    /// The images in batches of <paramref name="batchSize"/> (the last may be smaller); dispose each when done. With a
    /// <paramref name="shuffleSeed"/>, chunks come in a random order and images in a random order within their chunk.
    /// </summary>
    public IEnumerable<ImageDataset> Batches(int batchSize, int? shuffleSeed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var random = shuffleSeed is { } seed ? new Random(seed) : null;
        var order = Enumerable.Range(0, _layout.Chunks).ToArray();
        random?.Shuffle(order);
        ImageDataset? pending = null;
        try
        {
            foreach (var chunk in order)
            {
                var next = Join(pending, Shuffled(ReadChunk(chunk), random));
                pending = null;
                var whole = next.Count / batchSize * batchSize;
                for (long start = 0; start < whole; start += batchSize) yield return next.Slice(start, batchSize);
                // The rest waits for the next chunk, so only the very last batch is short.
                if (whole < next.Count) pending = next.Slice(whole, next.Count - whole);
                next.Dispose();
            }
            if (pending != null) yield return pending;
            pending = null;
        }
        finally
        {
            pending?.Dispose();
        }
    }

    /// <summary>All images at once, for sets that fit in memory (previews, small tests); dispose it when done.</summary>
    public ImageDataset Load()
    {
        var all = Batches((int)Math.Clamp(Count, 1, int.MaxValue)).ToList();
        return all.Count == 1 ? all[0] : Empty();
    }

    /// <summary>Deletes the file when it is a private copy, never the stored blob.</summary>
    public void Dispose()
    {
        if (_owned) File.Delete(Path);
    }

    internal ImageDataset ReadChunk(int chunk)
    {
        TorchNative.EnsureLoaded();
        var count = _layout.ImagesIn(chunk);
        using var scope = NewDisposeScope();
        var images = empty([count, _layout.Channels, _layout.Height, _layout.Width], ScalarType.Float32);
        var labels = empty([count], ScalarType.Int64);
        using var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        file.Position = _layout.OffsetOf(chunk);
        file.ReadExactly(images.bytes);
        file.ReadExactly(labels.bytes);
        return new ImageDataset(images, labels, Classes);
    }

    private static ImageDataset Shuffled(ImageDataset chunk, Random? random)
    {
        if (random == null) return chunk;
        var order = Enumerable.Range(0, (int)chunk.Count).Select(i => (long)i).ToArray();
        random.Shuffle(order);
        using var scope = NewDisposeScope();
        var index = tensor(order);
        var shuffled = new ImageDataset(chunk.Images.index_select(0, index), chunk.Labels.index_select(0, index), chunk.Classes);
        chunk.Dispose();
        return shuffled;
    }

    private static ImageDataset Join(ImageDataset? first, ImageDataset second)
    {
        if (first == null) return second;
        using var scope = NewDisposeScope();
        var joined = new ImageDataset(cat([first.Images, second.Images]), cat([first.Labels, second.Labels]), second.Classes);
        first.Dispose();
        second.Dispose();
        return joined;
    }

    private ImageDataset Empty()
    {
        using var scope = NewDisposeScope();
        return new ImageDataset(empty([0, _layout.Channels, _layout.Height, _layout.Width]), empty([0], ScalarType.Int64), Classes);
    }

    internal static void WriteChunk(Stream stream, ReadOnlySpan<float> images, ReadOnlySpan<long> labels)
    {
        stream.Write(MemoryMarshal.AsBytes(images));
        stream.Write(MemoryMarshal.AsBytes(labels));
    }
}
