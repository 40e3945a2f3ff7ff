namespace DeepForge.Blobs;

/// <summary>A blob as the collector sees it: its name, size and when it was last written or stored again.</summary>
public sealed record StoredBlob(string Hash, long Size, DateTimeOffset ModifiedAt);
