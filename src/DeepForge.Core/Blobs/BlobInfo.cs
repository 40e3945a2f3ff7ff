namespace DeepForge.Blobs;

/// <summary>A stored blob: its sha256 (lowercase hex) and size in bytes.</summary>
public sealed record BlobInfo(string Hash, long Size);
