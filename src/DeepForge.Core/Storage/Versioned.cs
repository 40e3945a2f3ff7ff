namespace DeepForge.Storage;

/// <summary>A stored value and the version it was read at, for compare-and-set updates.</summary>
public sealed record Versioned<T>(T Value, long Version);
