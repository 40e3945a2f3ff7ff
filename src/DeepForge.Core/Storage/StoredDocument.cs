namespace DeepForge.Storage;

/// <summary>A stored JSON document and its version.</summary>
public sealed record StoredDocument(string Collection, string Id, string? Partition, long Version, string Json);
