namespace DeepForge.Data;

/// <summary>A file as data: an uploaded archive, a folder's zip, anything kept byte for byte.</summary>
public sealed class DataFile(string path)
{
    /// <summary>Where the bytes are; read-only for operations (it may be the blob itself).</summary>
    public string Path { get; } = path;
}
