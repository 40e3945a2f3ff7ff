using DeepForge.Storage;

namespace DeepForge.Blobs;

/// <summary>
/// Keeps blobs of a few kilobytes as documents instead of files. Pipelines pass many small values
/// (numbers, names, scores); on this kind of disk creating a file costs more than a store write.
/// </summary>
internal sealed class SmallBlobs(IDocumentStore documents)
{
    public const int MaxBytes = 4096;
    private const string Collection = "blobs";

    public void Put(string hash, ReadOnlySpan<byte> bytes) =>
        documents.PutAsync(Collection, hash, null, $"\"{Convert.ToBase64String(bytes)}\"", null).GetAwaiter().GetResult();

    public byte[]? Get(string hash)
    {
        var document = documents.GetAsync(Collection, hash).GetAwaiter().GetResult();
        return document == null ? null : Convert.FromBase64String(document.Json.Trim('"'));
    }

    public bool Exists(string hash) => documents.GetAsync(Collection, hash).GetAwaiter().GetResult() != null;
}
