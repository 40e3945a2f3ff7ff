using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Storage;

/// <summary>DeepForge's collections over one <see cref="IDocumentStore"/>.</summary>
public sealed class DeepForgeStore(IDocumentStore documents)
{
    /// <summary>The store itself, for collections of other rooms (jobs, people) and streams.</summary>
    public IDocumentStore Documents { get; } = documents;
    /// <summary>Projects, by name.</summary>
    public DocumentCollection<ProjectDefinition> Projects { get; } = new(documents, Collections.Projects);
    /// <summary>Executions, partitioned by project.</summary>
    public DocumentCollection<ExecutionRecord> Executions { get; } = new(documents, Collections.Executions);
    /// <summary>The state of each node of each execution, partitioned by execution.</summary>
    public DocumentCollection<NodeRecord> Nodes { get; } = new(documents, Collections.Nodes);
    /// <summary>Artifacts, partitioned by project.</summary>
    public DocumentCollection<ArtifactRecord> Artifacts { get; } = new(documents, Collections.Artifacts);
    internal DocumentCollection<CacheEntry> Cache { get; } = new(documents, Collections.Cache);

    /// <summary>The last cache description of a node, to explain the next miss.</summary>
    internal DocumentCollection<CacheEntry> CacheLatest { get; } = new(documents, "cache-latest");

    /// <summary>The newest artifact of a project with this name, or null.</summary>
    public async Task<ArtifactRecord?> NewestArtifactAsync(string project, string name, CancellationToken cancellationToken) =>
        (await Artifacts.ListAsync(project, cancellationToken))
            .Where(a => a.Name == name)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The whole log of one node of an execution, as one text.</summary>
    public async Task<string> ReadLogAsync(string executionId, string nodeId, CancellationToken cancellationToken)
    {
        var text = new System.Text.StringBuilder();
        long after = 0;
        while (true)
        {
            var entries = await Documents.ReadStreamAsync(Collections.LogStream(executionId, nodeId), after, 1000, cancellationToken);
            if (entries.Count == 0) return text.ToString();
            foreach (var entry in entries) text.Append(entry.Text);
            after = entries[^1].Sequence;
        }
    }
}
