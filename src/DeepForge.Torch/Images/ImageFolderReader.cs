using System.Runtime.InteropServices;
using DeepForge.Data;
using DeepForge.Operations;
using DeepForge.Torch.Data;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Images;

/// <summary>What <see cref="ImageFolder"/> and <see cref="ImageFolderBatches"/> share: checking their attributes, opening the source, decoding.</summary>
internal static class ImageFolderReader
{
    public static ImageSource Open(OperationContext context, DataFile? images, string path, int channels, double testFraction)
    {
        if (channels is not (1 or 3))
            throw new DeepForgeException("channels", $"channels is {channels}: images are read with 1 (grey) or 3 (red, green, blue) channels");
        if (testFraction is < 0 or >= 1 || double.IsNaN(testFraction))
            throw new DeepForgeException("testFraction", $"testFraction is {testFraction}: give the share of each class kept for testing, from 0 up to (not including) 1");
        var (source, where) = images != null ? (images.Path, "the images input")
            : path.Length > 0 ? (path, $"path '{path}'")
            : throw new DeepForgeException("no images", "no images: connect the images input (a folder or archive, e.g. deepforge run -i images=FOLDER) or set the path attribute");
        // A tar is extracted into the job's own folder, removed when the job ends; nothing is written anywhere else.
        return ImageSource.Open(source, where, () => Path.Combine(context.WorkingDirectory, $"images-{Guid.NewGuid():n}"));
    }

    public static ImageDataset Decode(IReadOnlyList<LabelledImage> images, string[] classes, ImageSize size, OperationContext context, string what)
    {
        TorchNative.EnsureLoaded();
        using var scope = NewDisposeScope();
        var tensor = empty([images.Count, size.Channels, size.Height, size.Width], ScalarType.Float32);
        var labels = new long[images.Count];
        for (var i = 0; i < images.Count; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            using var one = tensor[i];
            ImageDecoder.Decode(images[i].File, size, MemoryMarshal.Cast<byte, float>(one.bytes));
            labels[i] = images[i].Label;
            context.Progress(i + 1, images.Count, $"decoding {what} images");
        }
        return new ImageDataset(tensor, TorchSharp.torch.tensor(labels), classes);
    }

    public static ImageBatches Write(IReadOnlyList<LabelledImage> images, string[] classes, ImageSize size, int chunkImages, OperationContext context, string what)
    {
        var path = Path.Combine(context.WorkingDirectory, $"{what}-{Guid.NewGuid():n}.batches");
        var layout = new BatchLayout(classes, size.Channels, size.Height, size.Width, images.Count, chunkImages);
        using (var writer = new BatchWriter(path, layout))
        {
            for (var i = 0; i < images.Count; i++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                ImageDecoder.Decode(images[i].File, size, writer.Next(images[i].Label));
                context.Progress(i + 1, images.Count, $"decoding {what} images");
            }
            writer.Complete();
        }
        return new ImageBatches(path, owned: false);
    }

    public static void Describe(OperationContext context, string[] classes, int training, int test, ImageSize size) =>
        context.Log.WriteLine($"read {training + test} images of {classes.Length} classes ({string.Join(", ", classes)}) as {size.Channels}x{size.Height}x{size.Width}: {training} for training, {test} for testing");
}
