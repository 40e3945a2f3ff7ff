using DeepForge.Torch.Data;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Data;

public sealed class TensorSerializerTests
{
    public TensorSerializerTests() => TorchNative.EnsureLoaded();

    private static Tensor RoundTrip(Tensor value)
    {
        var serializer = new TensorSerializer();
        using var stream = new MemoryStream();
        serializer.Serialize(value, stream);
        stream.Position = 0;
        return serializer.Deserialize(stream);
    }

    [Fact]
    public void RoundTrip_KeepsFloatValuesAndShape()
    {
        using var original = randn(3, 4, 5);
        using var copy = RoundTrip(original);

        Assert.Equal(original.shape, copy.shape);
        Assert.True(copy.eq(original).all().item<bool>());
    }

    [Fact]
    public void RoundTrip_KeepsTheElementType()
    {
        using var original = arange(10, ScalarType.Int64);
        using var copy = RoundTrip(original);

        Assert.Equal(ScalarType.Int64, copy.dtype);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), copy.data<long>().ToArray());
    }

    [Fact]
    public void RoundTrip_StoresAViewsOwnValues_NotItsWholeStorage()
    {
        using var whole = arange(12, ScalarType.Float32).reshape(3, 4);
        using var column = whole.narrow(1, 1, 2);
        using var copy = RoundTrip(column);

        Assert.Equal([1f, 2f, 5f, 6f, 9f, 10f], copy.data<float>().ToArray());
    }

    [Fact]
    public void RoundTrip_KeepsAScalar()
    {
        using var original = tensor(2.5);
        using var copy = RoundTrip(original);

        Assert.Equal((0, 2.5), (copy.shape.Length, copy.item<double>()));
    }

    [Fact]
    public void Format_CopiesInChunks_WithoutMixingThemUp()
    {
        using var original = arange(1000, ScalarType.Float32);
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
            TensorFormat.Write(writer, original, chunkBytes: 64);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);

        using var copy = TensorFormat.Read(reader, chunkBytes: 100);

        Assert.True(copy.eq(original).all().item<bool>());
    }

    [Fact]
    public void Deserialize_Names_DataThatIsNoTensor()
    {
        using var stream = new MemoryStream("not a tensor at all"u8.ToArray());

        var error = Assert.Throws<DeepForgeException>(() => new TensorSerializer().Deserialize(stream));

        Assert.StartsWith("stored tensor is not in DeepForge's tensor format", error.Message);
    }

    [Fact]
    public void Deserialize_Names_ATruncatedTensor()
    {
        using var original = randn(100);
        using var stream = new MemoryStream();
        new TensorSerializer().Serialize(original, stream);
        using var truncated = new MemoryStream(stream.ToArray()[..200]);

        var error = Assert.Throws<DeepForgeException>(() => new TensorSerializer().Deserialize(truncated));

        Assert.StartsWith("stored tensor could not be read:", error.Message);
    }
}
