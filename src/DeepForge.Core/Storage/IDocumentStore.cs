namespace DeepForge.Storage;

/// <summary>
/// The one storage contract of DeepForge: JSON documents in collections, with versions for atomic
/// transitions, and append-only streams for logs and feedback. Every implementation passes the same
/// contract test suite.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Creates what the store needs (tables, indexes); safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The document, or null.</summary>
    Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>Every document of a collection, or of one partition of it, ordered by id.</summary>
    Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a document. <paramref name="expectedVersion"/> null writes unconditionally; 0 writes only
    /// when no such document exists; n writes only when the stored version is n. Returns the new
    /// version, or null when the condition did not hold and nothing was written.
    /// </summary>
    Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Writes several documents in one transaction: all or none.</summary>
    Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>Deletes a document; false when there was none.</summary>
    Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default);

    /// <summary>Appends entries to a stream, numbering them from 1 in order.</summary>
    Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default);

    /// <summary>Entries of a stream after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default);

    /// <summary>Deletes every stream whose name starts with <paramref name="prefix"/>.</summary>
    Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default);
}
