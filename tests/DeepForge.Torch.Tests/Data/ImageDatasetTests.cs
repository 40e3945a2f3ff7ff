using DeepForge.Torch.Data;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Data;

public sealed class ImageDatasetTests
{
    public ImageDatasetTests() => TorchNative.EnsureLoaded();

    private static ImageDataset Dataset(int count) =>
        new(rand(count, 1, 4, 4), arange(count, ScalarType.Int64).remainder(2), ["even", "odd"]);

    [Fact]
    public void Serializer_RoundTripsImagesLabelsAndClasses()
    {
        using var original = Dataset(5);
        var serializer = new ImageDatasetSerializer();
        using var stream = new MemoryStream();
        serializer.Serialize(original, stream);
        stream.Position = 0;

        using var copy = serializer.Deserialize(stream);

        Assert.True(copy.Images.eq(original.Images).all().item<bool>());
        Assert.True(copy.Labels.eq(original.Labels).all().item<bool>());
        Assert.Equal(original.Classes, copy.Classes);
    }

    [Fact]
    public void Batches_CoverTheDataset_WithASmallerLastBatch()
    {
        using var data = Dataset(5);

        var sizes = data.Batches(2).Select(b => { using (b) return b.Count; }).ToList();

        Assert.Equal([2, 2, 1], sizes);
    }

    [Fact]
    public void Slice_SharesTheImages()
    {
        using var data = Dataset(5);
        using var slice = data.Slice(3, 2);

        Assert.True(slice.Images.eq(data.Images[3..5]).all().item<bool>());
    }

    [Fact]
    public void Constructor_Refuses_LabelsOfAnotherCount()
    {
        var error = Assert.Throws<DeepForgeException>(() => new ImageDataset(zeros(3, 1, 2, 2), zeros([2], ScalarType.Int64), []));

        Assert.Equal("image dataset has 3 images but 2 labels", error.Message);
    }

    [Fact]
    public void Constructor_Refuses_ImagesThatAreNotNchwFloats()
    {
        var error = Assert.Throws<DeepForgeException>(() => new ImageDataset(zeros(3, 4), zeros([3], ScalarType.Int64), []));

        Assert.Equal("image dataset images must be float32 [N, C, H, W], not Float32 [3, 4]", error.Message);
    }

    [Fact]
    public void Dataset_OutlivesTheDisposeScopeItWasMadeIn()
    {
        ImageDataset data;
        using (NewDisposeScope()) data = Dataset(3);

        using (data) Assert.Equal(3, data.Images.shape[0]);
    }
}
