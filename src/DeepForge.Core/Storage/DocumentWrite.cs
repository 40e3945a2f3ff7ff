namespace DeepForge.Storage;

/// <summary>One write of <see cref="IDocumentStore.PutManyAsync"/>; the version rule is that of <see cref="IDocumentStore.PutAsync"/>.</summary>
public sealed record DocumentWrite(string Collection, string Id, string? Partition, string Json, long? ExpectedVersion);
