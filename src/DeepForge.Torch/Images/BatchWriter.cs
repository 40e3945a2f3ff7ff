using DeepForge.Torch.Data;

namespace DeepForge.Torch.Images;

/// <summary>Writes <see cref="ImageBatches"/> image by image, holding one chunk in memory.</summary>
internal sealed class BatchWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly BatchLayout _layout;
    private readonly float[] _images;
    private readonly long[] _labels;
    private int _inChunk;
    private long _written;

    public BatchWriter(string path, BatchLayout layout)
    {
        layout.CheckChunkSize();
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using (var writer = StoredFormat.Writer(_file)) _layout = layout.Write(writer);
        var size = (int)Math.Min(layout.ChunkImages, Math.Max(1, layout.Count));
        (_images, _labels) = (new float[size * layout.ImageFloats], new long[size]);
    }

    /// <summary>Where the next image's floats go; its label is <paramref name="label"/>.</summary>
    public Span<float> Next(long label)
    {
        if (_written + _inChunk >= _layout.Count) throw new InvalidOperationException($"all {_layout.Count} images were written");
        if (_inChunk == _labels.Length) Flush();
        _labels[_inChunk] = label;
        return _images.AsSpan(_inChunk++ * _layout.ImageFloats, _layout.ImageFloats);
    }

    /// <summary>Writes the last chunk; every image the layout counts must have been given.</summary>
    public void Complete()
    {
        Flush();
        if (_written != _layout.Count) throw new InvalidOperationException($"{_written} of {_layout.Count} images were written");
        _file.Flush(flushToDisk: false);
    }

    public void Dispose() => _file.Dispose();

    private void Flush()
    {
        ImageBatches.WriteChunk(_file, _images.AsSpan(0, _inChunk * _layout.ImageFloats), _labels.AsSpan(0, _inChunk));
        _written += _inChunk;
        _inChunk = 0;
    }
}
