using DeepForge.Operations;
using DeepForge.Torch.Native;

namespace DeepForge.Torch.Data;

/// <summary>Stores an <see cref="ImageDataset"/>: class names, then images and labels as raw tensors.</summary>
public sealed class ImageDatasetSerializer : IDataSerializer<ImageDataset>
{
    private const string Magic = "DFIMAGE1";

    /// <inheritdoc />
    public void Serialize(ImageDataset value, Stream stream)
    {
        TorchNative.EnsureLoaded();
        using var writer = StoredFormat.Writer(stream);
        StoredFormat.WriteMagic(writer, Magic);
        writer.Write(value.Classes.Length);
        foreach (var name in value.Classes) writer.Write(name);
        TensorFormat.Write(writer, value.Images);
        TensorFormat.Write(writer, value.Labels);
    }

    /// <inheritdoc />
    public ImageDataset Deserialize(Stream stream)
    {
        TorchNative.EnsureLoaded();
        using var reader = StoredFormat.Reader(stream);
        return StoredFormat.Read("image dataset", () =>
        {
            StoredFormat.ExpectMagic(reader, Magic, "image dataset");
            var classes = ReadClasses(reader);
            TorchSharp.torch.Tensor? images = null, labels = null;
            try
            {
                images = TensorFormat.Read(reader);
                labels = TensorFormat.Read(reader);
                return new ImageDataset(images, labels, classes);
            }
            catch
            {
                images?.Dispose();
                labels?.Dispose();
                throw;
            }
        });
    }

    private static string[] ReadClasses(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0) throw new InvalidDataException($"negative class count {count}");
        var classes = new string[count];
        for (var i = 0; i < count; i++) classes[i] = reader.ReadString();
        return classes;
    }
}
