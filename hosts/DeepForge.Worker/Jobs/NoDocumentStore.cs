using DeepForge.Storage;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// The document store of a worker, which keeps none: a worker loads project code from its compiled
/// blob (<c>CatalogProvider.ForAssemblyBlobAsync</c>), which reads no documents. Anything that asks
/// for one is a bug, and says so.
/// </summary>
internal sealed class NoDocumentStore : IDocumentStore
{
    public static readonly NoDocumentStore Instance = new();

    private static InvalidOperationException Refuse() =>
        new("a worker has no document store: it runs jobs from blobs only (project code travels as its compiled assembly blob)");

    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) => throw Refuse();
    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default) => throw Refuse();
    public Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default) => throw Refuse();
    public Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) => throw Refuse();
    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) => throw Refuse();
    public Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default) => throw Refuse();
    public Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default) => throw Refuse();
    public Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default) => throw Refuse();
}
