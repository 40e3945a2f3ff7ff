using DeepForge.Blobs;
using DeepForge.Storage;

namespace DeepForge.Cli.Space;

/// <summary>
/// Measures what uses space: artifacts by their size, executions by the distinct blobs of their nodes' outputs,
/// and the blob files that no artifact, node output or cache entry names (what blob collection would free).
/// </summary>
internal static class SpaceSurvey
{
    public static async Task<SpaceUse> MeasureAsync(DeepForgeEngine engine, DeepForgeStore store, IBlobStore blobs, CancellationToken cancellationToken)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var projects = new List<ProjectSpace>();
        foreach (var project in await engine.Projects.ListAsync(cancellationToken))
        {
            var artifacts = await store.Artifacts.ListAsync(project.Name, cancellationToken);
            used.UnionWith(artifacts.Select(a => a.Hash));
            var executions = new List<SpaceItem>();
            foreach (var execution in await engine.Executions.ListAsync(project.Name, cancellationToken))
            {
                var outputs = (await engine.Executions.NodesAsync(execution.Id, cancellationToken)).SelectMany(n => n.Outputs.Values)
                    .DistinctBy(o => o.Hash).ToList();
                used.UnionWith(outputs.Select(o => o.Hash));
                executions.Add(new SpaceItem(execution.Id, execution.Pipeline.Name, outputs.Sum(o => o.Size)));
            }
            projects.Add(new ProjectSpace(project.Name, artifacts.Select(a => new SpaceItem(a.Id, a.Name, a.Size)).ToList(), executions));
        }
        foreach (var entry in await store.Cache.ListAsync(null, cancellationToken)) used.UnionWith(entry.Outputs.Values.Select(o => o.Hash));
        var (count, bytes) = Unused(blobs, used);
        return new SpaceUse(projects, count, bytes);
    }

    private static (int Count, long Bytes) Unused(IBlobStore blobs, HashSet<string> used)
    {
        if (blobs is not FileBlobStore files || !Directory.Exists(files.Root)) return (0, 0);
        var unused = Directory.EnumerateDirectories(files.Root).Where(d => Path.GetFileName(d).Length == 2)
            .SelectMany(Directory.EnumerateFiles).Select(f => new FileInfo(f))
            .Where(f => BlobHash.IsValid(f.Name) && !used.Contains(f.Name)).ToList();
        return (unused.Count, unused.Sum(f => f.Length));
    }
}
