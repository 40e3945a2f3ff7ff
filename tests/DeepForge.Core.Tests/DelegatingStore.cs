using DeepForge.Storage;

namespace DeepForge.Core.Tests;

/// <summary>The engine's real store with every call passed through; a test's store overrides the calls it watches or holds.</summary>
internal abstract class DelegatingStore(IDocumentStore inner) : IDocumentStore
{
    protected IDocumentStore Inner => inner;

    public virtual Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        inner.GetAsync(collection, id, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, partition, cancellationToken);

    public Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default) =>
        inner.PutAsync(collection, id, partition, json, expectedVersion, cancellationToken);

    public Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) => inner.PutManyAsync(writes, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) => inner.DeleteAsync(collection, id, cancellationToken);

    public Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default) => inner.AppendAsync(stream, entries, cancellationToken);

    public Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(stream, afterSequence, max, cancellationToken);

    public Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeleteStreamsAsync(prefix, cancellationToken);
}
