using DeepForge.Data;

namespace DeepForge.Storage;

/// <summary>Typed access to one collection of an <see cref="IDocumentStore"/>.</summary>
public sealed class DocumentCollection<T>(IDocumentStore store, string name)
{
    /// <summary>The document of this id with its version, or null.</summary>
    public async Task<Versioned<T>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(name, id, cancellationToken);
        return document == null ? null : new Versioned<T>(Json.Deserialize<T>(document.Json), document.Version);
    }

    /// <summary>Every document of a partition (every document when partition is null).</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string? partition, CancellationToken cancellationToken)
    {
        var documents = await store.ListAsync(name, partition, cancellationToken);
        return documents.Select(d => Json.Deserialize<T>(d.Json)).ToList();
    }

    /// <summary>Every document of a partition with its version.</summary>
    public async Task<IReadOnlyList<Versioned<T>>> ListVersionedAsync(string? partition, CancellationToken cancellationToken)
    {
        var documents = await store.ListAsync(name, partition, cancellationToken);
        return documents.Select(d => new Versioned<T>(Json.Deserialize<T>(d.Json), d.Version)).ToList();
    }

    /// <summary>Writes under the version rule of <see cref="IDocumentStore.PutAsync"/>; null when the condition failed.</summary>
    public Task<long?> PutAsync(string id, string? partition, T value, long? expectedVersion, CancellationToken cancellationToken) =>
        store.PutAsync(name, id, partition, Json.Serialize(value), expectedVersion, cancellationToken);

    /// <summary>A write for the store's PutManyAsync, under the same version rule as PutAsync.</summary>
    public DocumentWrite Write(string id, string? partition, T value, long? expectedVersion) =>
        new(name, id, partition, Json.Serialize(value), expectedVersion);

    /// <summary>Deletes the document; false when there was none.</summary>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => store.DeleteAsync(name, id, cancellationToken);

    /// <summary>Reads, changes and writes back until no other writer came between; returns the stored value.</summary>
    public async Task<T> UpdateAsync(string id, string? partition, Func<T, T> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"{name}/{id} does not exist");
            var next = change(current.Value);
            if (await PutAsync(id, partition, next, current.Version, cancellationToken) != null) return next;
        }
    }
}
