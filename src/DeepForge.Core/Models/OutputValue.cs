namespace DeepForge.Models;

/// <summary>A value produced at a port: its data type, blob hash and size.</summary>
public sealed record OutputValue(string DataType, string Hash, long Size);
