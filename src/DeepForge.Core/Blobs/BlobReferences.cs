using System.Text;
using System.Text.Json;
using DeepForge.Storage;

namespace DeepForge.Blobs;

/// <summary>
/// Every blob the store refers to. Rather than knowing each field that holds a hash (artifacts, node outputs,
/// cache entries, compiled assemblies, job inputs and outputs, extension bundles of jobs...), it reads every
/// document of the collections that can hold one and takes every string that is a blob hash: a field added
/// later is covered, and a string that only looks like a hash keeps a blob a little longer, never too short.
/// </summary>
internal static class BlobReferences
{
    /// <summary>
    /// The collections read. Not read: <c>blobs</c> (the small blobs themselves), <c>cache-latest</c> (the inputs
    /// of a node's last run, kept only to explain the next cache miss), tokens and runners (no data).
    /// </summary>
    public static readonly IReadOnlyList<string> Collections =
    [
        Storage.Collections.Projects, Storage.Collections.Executions, Storage.Collections.Nodes, Storage.Collections.Artifacts,
        Storage.Collections.Cache, Storage.Collections.Jobs, Storage.Collections.NodeJobs, "compilations",
        Storage.Collections.Checkpoints,
    ];

    public static async Task<HashSet<string>> FindAsync(IDocumentStore documents, IEnumerable<IBlobRoots> roots, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var collection in Collections)
        {
            foreach (var document in await documents.ListAsync(collection, null, cancellationToken))
                AddHashes(document.Json, found);
        }
        foreach (var root in roots) found.UnionWith(root.Hashes.Where(BlobHash.IsValid));
        return found;
    }

    private static void AddHashes(string json, HashSet<string> found)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length == 64 && reader.GetString() is { } text && BlobHash.IsValid(text))
                found.Add(text);
        }
    }
}
