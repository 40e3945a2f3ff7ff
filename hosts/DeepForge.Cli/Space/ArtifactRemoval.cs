using DeepForge.Storage;
using DeepForge.Models;
using DeepForge.Projects;

namespace DeepForge.Cli.Space;

/// <summary>
/// Removes an artifact by the rule of DELETE /api/v1/projects/{p}/artifacts/{a} (<see cref="ArtifactUse"/>):
/// refused while an Input node reads it; with force the Input nodes that read it are cleared first.
/// The blob stays until blob collection finds nothing else uses it.
/// </summary>
internal static class ArtifactRemoval
{
    public static async Task<ArtifactRecord> RemoveAsync(DeepForgeEngine engine, DeepForgeStore store, string project, string idOrName, bool force, CancellationToken cancellationToken)
    {
        var definition = await engine.Projects.GetAsync(project, cancellationToken);
        var all = await store.Artifacts.ListAsync(project, cancellationToken);
        var found = all.FirstOrDefault(a => a.Id == idOrName)
            ?? all.Where(a => a.Name == idOrName).OrderByDescending(a => a.CreatedAt).FirstOrDefault()
            ?? throw new DeepForgeException($"artifact '{idOrName}'", $"project '{project}' has no artifact '{idOrName}' (see: deepforge artifacts {project})");
        if (ArtifactUse.Find(definition, found, all) is { } reason)
        {
            if (!force) throw new DeepForgeException($"artifact '{idOrName}'", reason + ", or pass --force to clear those Input nodes and remove it");
            await engine.Projects.UpdateAsync(project, d => ClearReaders(d, found, all), cancellationToken);
        }
        await store.Artifacts.DeleteAsync(found.Id, cancellationToken);
        return found;
    }

    // The Input nodes that read the artifact (ArtifactUse's rule: by id, or by name when it is the newest of that name) lose it.
    private static bool ClearReaders(ProjectDefinition definition, ArtifactRecord artifact, IReadOnlyList<ArtifactRecord> all)
    {
        var newest = all.Where(a => a.Name == artifact.Name)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).First();
        var readers = definition.Pipelines.SelectMany(p => p.Nodes)
            .Where(n => n.Kind == NodeKind.Input && (n.Artifact == artifact.Id || (n.Artifact == artifact.Name && newest.Id == artifact.Id))).ToList();
        foreach (var node in readers) node.Artifact = null;
        return readers.Count > 0;
    }
}
