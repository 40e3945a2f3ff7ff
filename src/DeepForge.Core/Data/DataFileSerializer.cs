using DeepForge.Operations;

namespace DeepForge.Data;

/// <summary>Keeps a file's bytes as they are; reading hands over the blob's own file when there is one, so nothing is copied.</summary>
public sealed class DataFileSerializer : IDataSerializer<DataFile>
{
    /// <inheritdoc />
    public void Serialize(DataFile value, Stream stream)
    {
        using var file = File.OpenRead(value.Path);
        file.CopyTo(stream);
    }

    /// <inheritdoc />
    public DataFile Deserialize(Stream stream)
    {
        if (stream is FileStream file) return new DataFile(file.Name);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"deepforge-{Guid.NewGuid():n}");
        using (var target = File.Create(path)) stream.CopyTo(target);
        return new DataFile(path);
    }
}
