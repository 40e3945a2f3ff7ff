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
    public void Put(string hash, ReadOnlySpan<byte> bytes) =>
        documents.PutAsync(Collection, hash, null, Serialize(new Document(Convert.ToBase64String(bytes), DateTimeOffset.UtcNow)), null).GetAwaiter().GetResult();

    /// <summary>The bytes, or null when there is no such blob; throws <see cref="BlobDamagedException"/> (and moves the document aside) when they do not hash to the name.</summary>
    public byte[]? Get(string hash)
    {
        var stored = documents.GetAsync(Collection, hash).GetAwaiter().GetResult();
        if (stored == null) return null;
        var bytes = Convert.FromBase64String(Parse(stored.Json).Bytes);
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual == hash) return bytes;
        documents.PutAsync(Quarantine, hash, null, stored.Json, null).GetAwaiter().GetResult();
        documents.DeleteAsync(Collection, hash).GetAwaiter().GetResult();
        throw new BlobDamagedException(hash, actual, null);
    }

    public bool Exists(string hash) => documents.GetAsync(Collection, hash).GetAwaiter().GetResult() != null;

    public IReadOnlyList<StoredBlob> List(CancellationToken cancellationToken) =>
        documents.ListAsync(Collection, null, cancellationToken).GetAwaiter().GetResult()
            .Select(d => (d.Id, Value: Parse(d.Json)))
            .Select(d => new StoredBlob(d.Id, Convert.FromBase64String(d.Value.Bytes).Length, d.Value.StoredAt))
            .ToList();

    public bool TryDelete(string hash, DateTimeOffset notModifiedSince)
    {
        var stored = documents.GetAsync(Collection, hash).GetAwaiter().GetResult();
        if (stored == null || Parse(stored.Json).StoredAt >= notModifiedSince) return false;
        return documents.DeleteAsync(Collection, hash).GetAwaiter().GetResult();
    }

    // Small blobs stored before the time was kept are a bare base64 string: as old as can be.
    private static Document Parse(string json) =>
        json.TrimStart().StartsWith('"') ? new Document(JsonSerializer.Deserialize<string>(json)!, DateTimeOffset.MinValue)
        : JsonSerializer.Deserialize<Document>(json, Options)!;

    private static string Serialize(Document document) => JsonSerializer.Serialize(document, Options);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
