using System.Security.Cryptography;
using System.Text.Json;
using DeepForge.Storage;

namespace DeepForge.Blobs;

/// <summary>
/// Keeps blobs of a few kilobytes as documents instead of files. Pipelines pass many small values
/// (numbers, names, scores); on this kind of disk creating a file costs more than a store write.
/// Each keeps when it was last stored, for the collector's grace period; bytes are checked on every read.
/// </summary>
internal sealed class SmallBlobs(IDocumentStore documents)
{
    public const int MaxBytes = 4096;
    private const string Collection = "blobs";
    private const string Quarantine = "blobs-quarantine";

    private sealed record Document(string Bytes, DateTimeOffset StoredAt);

    /// <summary>Stores (again): storing the same bytes again renews the time, so a blob just reused is not collected.</summary>
    public Task PutAsync(string hash, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        documents.PutAsync(Collection, hash, null, Serialize(new Document(Convert.ToBase64String(bytes.Span), DateTimeOffset.UtcNow)), null, cancellationToken);

    /// <summary>The bytes, or null when there is no such blob; throws <see cref="BlobDamagedException"/> (and moves the document aside) when they do not hash to the name.</summary>
    public async Task<byte[]?> GetAsync(string hash, CancellationToken cancellationToken)
    {
        var stored = await documents.GetAsync(Collection, hash, cancellationToken);
        if (stored == null) return null;
        var bytes = Convert.FromBase64String(Parse(stored.Json).Bytes);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual == hash) return bytes;
        // Not cancelled half way: a damaged blob copied aside but still served would be read again.
        await documents.PutAsync(Quarantine, hash, null, stored.Json, null, CancellationToken.None);
        await documents.DeleteAsync(Collection, hash, CancellationToken.None);
        throw new BlobDamagedException(hash, actual, null);
    }

    public async Task<bool> ExistsAsync(string hash, CancellationToken cancellationToken) =>
        await documents.GetAsync(Collection, hash, cancellationToken) != null;

    public async Task<IReadOnlyList<StoredBlob>> ListAsync(CancellationToken cancellationToken) =>
        (await documents.ListAsync(Collection, null, cancellationToken))
            .Select(d => (d.Id, Value: Parse(d.Json)))
            .Select(d => new StoredBlob(d.Id, Convert.FromBase64String(d.Value.Bytes).Length, d.Value.StoredAt))
            .ToList();

    public async Task<bool> TryDeleteAsync(string hash, DateTimeOffset notModifiedSince, CancellationToken cancellationToken)
    {
        var stored = await documents.GetAsync(Collection, hash, cancellationToken);
        if (stored == null || Parse(stored.Json).StoredAt >= notModifiedSince) return false;
        return await documents.DeleteAsync(Collection, hash, cancellationToken);
    }

    // Small blobs stored before the time was kept are a bare base64 string: as old as can be.
    private static Document Parse(string json) =>
        json.TrimStart().StartsWith('"') ? new Document(JsonSerializer.Deserialize<string>(json)!, DateTimeOffset.MinValue)
        : JsonSerializer.Deserialize<Document>(json, Options)!;

    private static string Serialize(Document document) => JsonSerializer.Serialize(document, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
