using static TorchSharp.torch;

namespace DeepForge.Torch.Data;

/// <summary>Labelled images: the data type that flows between dataset, training and testing operations.</summary>
/// <remarks>The dataset owns its tensors and disposes them; they are kept out of any dispose scope so they live as long as the dataset.</remarks>
public sealed class ImageDataset : IDisposable
{
    /// <summary>Makes a dataset that takes ownership of <paramref name="images"/> and <paramref name="labels"/>.</summary>
    /// <param name="images">float32, shaped [N, C, H, W].</param>
    /// <param name="labels">int64, shaped [N], each an index into <paramref name="classes"/>.</param>
    /// <param name="classes">The class names.</param>
    /// <exception cref="DeepForgeException">The tensors do not have those types and shapes.</exception>
    public ImageDataset(Tensor images, Tensor labels, string[] classes)
    {
        Check(images, labels);
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        Classes = classes;
    }

    /// <summary>The images, float32 [N, C, H, W].</summary>
    public Tensor Images { get; }

    /// <summary>The labels, int64 [N].</summary>
    public Tensor Labels { get; }

    /// <summary>The class names a label indexes.</summary>
    public string[] Classes { get; }

    /// <summary>The number of images.</summary>
    public long Count => Images.shape[0];

    /// <summary>The images <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 (fewer at the end), sharing memory with this dataset; dispose it when done.</summary>
    public ImageDataset Slice(long start, long count)
    {
        if (start < 0 || start > Count || count < 0)
            throw new ArgumentOutOfRangeException(nameof(start), $"cannot take {count} images from {start} of a dataset of {Count}");
        var length = Math.Min(count, Count - start);
        return new ImageDataset(Images.narrow(0, start, length), Labels.narrow(0, start, length), Classes);
    }

    /// <summary>Consecutive slices of <paramref name="batchSize"/> images (the last may be smaller); dispose each when done.</summary>
    public IEnumerable<ImageDataset> Batches(long batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        for (long start = 0; start < Count; start += batchSize)
            yield return Slice(start, batchSize);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }

    private static void Check(Tensor images, Tensor labels)
    {
        const string where = "image dataset";
        if (images.dtype != ScalarType.Float32 || images.shape.Length != 4)
            throw new DeepForgeException(where, $"{where} images must be float32 [N, C, H, W], not {images.dtype} {Shape(images)}");
        if (labels.dtype != ScalarType.Int64 || labels.shape.Length != 1)
            throw new DeepForgeException(where, $"{where} labels must be int64 [N], not {labels.dtype} {Shape(labels)}");
        if (images.shape[0] != labels.shape[0])
            throw new DeepForgeException(where, $"{where} has {images.shape[0]} images but {labels.shape[0]} labels");
    }

    private static string Shape(Tensor tensor) => $"[{string.Join(", ", tensor.shape)}]";
}
