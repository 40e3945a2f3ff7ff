namespace DeepForge.Blobs;

/// <summary>A blob found damaged: its name, what its bytes hash to, and where the damaged copy went.</summary>
public sealed record DamagedBlob(string Hash, string ActualHash, string? MovedTo);
