using DeepForge.Operations;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Data;

/// <summary>Stores tensors of any element type and shape, moving them to the CPU first.</summary>
public sealed class TensorSerializer : IDataSerializer<Tensor>
{
    private const string Magic = "DFTENSR1";

    /// <inheritdoc />
    public void Serialize(Tensor value, Stream stream)
    {
        TorchNative.EnsureLoaded();
        using var writer = StoredFormat.Writer(stream);
        StoredFormat.WriteMagic(writer, Magic);
        TensorFormat.Write(writer, value);
    }

    /// <inheritdoc />
    public Tensor Deserialize(Stream stream)
    {
        TorchNative.EnsureLoaded();
        using var reader = StoredFormat.Reader(stream);
        return StoredFormat.Read("tensor", () =>
        {
            StoredFormat.ExpectMagic(reader, Magic, "tensor");
            return TensorFormat.Read(reader);
        });
    }
}
