using DeepForge.Data;
using DeepForge.Torch.Images;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Images;

public sealed class ImageBatchesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ImageBatchesTests() => TorchNative.EnsureLoaded();

    private (ImageBatches Training, ImageBatches Test) Stream(int chunkImages, double testFraction = 0) =>
        new ImageFolderBatches(testFraction: testFraction, chunkImages: chunkImages, width: 8, height: 8)
            .Execute(JobContext.In(_temp["job"]), new DataFile(ImageFiles.Folder(_temp["images"], 7, 7, 7)));

    [Fact]
    public void Batches_InOrder_HoldTheImagesImageFolderReads()
    {
        var (training, _) = Stream(chunkImages: 4);
        var (inMemory, test) = new ImageFolder(testFraction: 0, width: 8, height: 8).Execute(JobContext.In(_temp["job"]), new DataFile(_temp["images"]));

        using (inMemory)
        using (test)
        using (var all = training.Load())
        {
            Assert.Equal(inMemory.Images.data<float>().ToArray(), all.Images.data<float>().ToArray());
            Assert.Equal(inMemory.Labels.data<long>().ToArray(), all.Labels.data<long>().ToArray());
        }
    }

    [Fact]
    public void Batches_Shuffled_GiveEveryImageOnceInFullBatchesButTheLast()
    {
        var (training, _) = Stream(chunkImages: 4);

        var batches = training.Batches(5, shuffleSeed: 3).ToList();

        Assert.Equal([5L, 5, 5, 5, 1], batches.Select(b => b.Count));
        using var labels = cat(batches.Select(b => b.Labels).ToList());
        Assert.Equal([7L, 7, 7], labels.bincount(null).data<long>().ToArray());
        foreach (var batch in batches) batch.Dispose();
    }

    [Fact]
    public void Batches_Shuffled_ComeInAnotherOrderThanStored()
    {
        var (training, _) = Stream(chunkImages: 8);

        using var stored = training.Load();
        var batches = training.Batches(21, shuffleSeed: 3).ToList();

        Assert.NotEqual(stored.Labels.data<long>().ToArray(), batches.Single().Labels.data<long>().ToArray());
        batches.Single().Dispose();
    }

    [Fact]
    public void Execute_SplitsIntoTrainingAndTestBatchesWithTheClassNames()
    {
        var (training, test) = Stream(chunkImages: 4, testFraction: 2.0 / 7);

        Assert.Equal((15L, 6L), (training.Count, test.Count));
        Assert.Equal(["class0", "class1", "class2"], test.Classes);
        Assert.Equal([3L, 8, 8], training.ImageShape);
    }

    [Fact]
    public void Serializer_ReadsTheStoredFileInPlace()
    {
        var (training, _) = Stream(chunkImages: 4);
        var stored = _temp["stored"];
        using (var file = File.Create(stored)) new ImageBatchesSerializer().Serialize(training, file);

        using var read = File.OpenRead(stored);
        using var batches = new ImageBatchesSerializer().Deserialize(read);

        Assert.Equal((stored, 21L), (batches.Path, batches.Count));
    }

    [Fact]
    public void Serializer_RefusesATruncatedFileWithOneLine()
    {
        var (training, _) = Stream(chunkImages: 4);
        var bytes = File.ReadAllBytes(training.Path);
        var stored = _temp["truncated"];
        File.WriteAllBytes(stored, bytes[..^10]);

        using var read = File.OpenRead(stored);
        var e = Assert.Throws<DeepForgeException>(() => new ImageBatchesSerializer().Deserialize(read));

        Assert.StartsWith("stored streamed image dataset could not be read", e.Message);
    }

    public void Dispose() => _temp.Dispose();
}
