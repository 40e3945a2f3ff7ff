using System.ComponentModel.DataAnnotations;
using DeepForge.Data;
using DeepForge.Operations;

namespace DeepForge.Torch.Images;

/// <summary>
/// <see cref="ImageFolder"/> for sets larger than memory: the same folders, sizes and split, written chunk by chunk as
/// <see cref="ImageBatches"/> that training reads batch by batch. At most one chunk of decoded images is in memory.
/// </summary>
/// <param name="path">A folder or archive on the machine that runs the job, read when the images input is not connected.</param>
/// <param name="width">The width every image is resized to.</param>
/// <param name="height">The height every image is resized to.</param>
/// <param name="channels">1 (grey) or 3 (red, green, blue).</param>
/// <param name="testFraction">The share of each class kept for testing.</param>
/// <param name="seed">Chooses the split and the order of the images.</param>
/// <param name="maxPixels">The most pixels a source image may have; larger ones (decompression bombs) are refused before decoding.</param>
/// <param name="chunkImages">How many images a chunk holds: read from disk at once, shuffled within.</param>
[Operation(Category = "Data", Cacheable = false, Description = "Reads a folder or archive of class folders of PNG/JPEG images into training and test sets streamed in chunks")]
public sealed class ImageFolderBatches(string path = "", [Range(1, 4096)] int width = 32, [Range(1, 4096)] int height = 32, [Range(1, 3)] int channels = 3,
    [Range(0.0, 1.0)] double testFraction = 0.2, int seed = 1, [Range(1, int.MaxValue)] int maxPixels = 40_000_000,
    [Range(1, int.MaxValue)] int chunkImages = 1024) : Operation
{
    /// <summary>Reads the images of <paramref name="images"/>, or of the path attribute when it is not connected.</summary>
    public (ImageBatches trainingData, ImageBatches testingData) Execute(OperationContext context, DataFile? images = null)
    {
        using var source = ImageFolderReader.Open(context, images, path, channels, testFraction);
        var size = new ImageSize(width, height, channels, maxPixels);
        var (training, test) = ImageSplit.Split(source.Classes, source.Images, testFraction, seed);
        var trainingData = ImageFolderReader.Write(training, source.Classes, size, chunkImages, context, "training");
        var testingData = ImageFolderReader.Write(test, source.Classes, size, chunkImages, context, "test");
        ImageFolderReader.Describe(context, source.Classes, training.Length, test.Length, size);
        return (trainingData, testingData);
    }
}
