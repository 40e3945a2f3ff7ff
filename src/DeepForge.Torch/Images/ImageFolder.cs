using System.ComponentModel.DataAnnotations;
using DeepForge.Data;
using DeepForge.Operations;
using DeepForge.Torch.Data;
using DeepForge.Torch.Feedback;

namespace DeepForge.Torch.Images;

/// <summary>
/// Reads your own images: a folder (uploaded as an archive) or a .zip, .tar or .tar.gz of one folder per class holding
/// PNG and JPEG images; every image is resized to <c>width</c> x <c>height</c> with 1 or 3 channels, and each class is
/// split into training and test images by <c>testFraction</c> and <c>seed</c>. The class names are the folder names, sorted.
/// Both sets live in memory; <see cref="ImageFolderBatches"/> streams sets too large for that.
/// </summary>
/// <param name="path">A folder or archive on the machine that runs the job, read when the images input is not connected.</param>
/// <param name="width">The width every image is resized to.</param>
/// <param name="height">The height every image is resized to.</param>
/// <param name="channels">1 (grey) or 3 (red, green, blue).</param>
/// <param name="testFraction">The share of each class kept for testing.</param>
/// <param name="seed">Chooses the split and the order of the images.</param>
/// <param name="maxPixels">The most pixels a source image may have; larger ones (decompression bombs) are refused before decoding.</param>
[Operation(Category = "Data", Cacheable = false, Description = "Reads a folder or archive of class folders of PNG/JPEG images, resized and split into training and test sets")]
public sealed class ImageFolder(string path = "", [Range(1, 4096)] int width = 32, [Range(1, 4096)] int height = 32, [Range(1, 3)] int channels = 3,
    [Range(0.0, 1.0)] double testFraction = 0.2, int seed = 1, [Range(1, int.MaxValue)] int maxPixels = 40_000_000) : Operation
{
    /// <summary>Reads the images of <paramref name="images"/>, or of the path attribute when it is not connected.</summary>
    public (ImageDataset trainingData, ImageDataset testingData) Execute(OperationContext context, DataFile? images = null)
    {
        using var source = ImageFolderReader.Open(context, images, path, channels, testFraction);
        var size = new ImageSize(width, height, channels, maxPixels);
        var (training, test) = ImageSplit.Split(source.Classes, source.Images, testFraction, seed);
        var trainingData = ImageFolderReader.Decode(training, source.Classes, size, context, "training");
        try
        {
            var testingData = ImageFolderReader.Decode(test, source.Classes, size, context, "test");
            ImageFolderReader.Describe(context, source.Classes, training.Length, test.Length, size);
            if (trainingData.Count > 0) context.Image("first training images", trainingData.Images.narrow(0, 0, Math.Min(16, trainingData.Count)));
            return (trainingData, testingData);
        }
        catch
        {
            trainingData.Dispose();
            throw;
        }
    }
}
