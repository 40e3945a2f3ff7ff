using DeepForge.Operations;

namespace DeepForge.Torch.Images;

/// <summary>Stores <see cref="ImageBatches"/> byte for byte; reading keeps the blob's own file when there is one, so nothing is copied or loaded.</summary>
public sealed class ImageBatchesSerializer : IDataSerializer<ImageBatches>
{
    /// <inheritdoc />
    public void Serialize(ImageBatches value, Stream stream)
    {
        using var file = File.OpenRead(value.Path);
        file.CopyTo(stream);
    }

    /// <inheritdoc />
    public ImageBatches Deserialize(Stream stream)
    {
        if (stream is FileStream file) return new ImageBatches(file.Name, owned: false);
        var path = Path.Combine(Path.GetTempPath(), $"deepforge-batches-{Guid.NewGuid():n}");
        using (var target = File.Create(path)) stream.CopyTo(target);
        try
        {
            return new ImageBatches(path, owned: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
