using DeepForge.Models;
using DeepForge.Projects;

namespace DeepForge.Designer.Artifacts;

/// <summary>
/// Every Input node that reads an artifact, for the page to show; the rule is <see cref="ArtifactUse"/>'s (which
/// names only the first, as the reason a delete is refused): a node names the artifact by id, or by name when
/// it is the newest of that name.
/// </summary>
internal static class ArtifactReaders
{
    public static IReadOnlyList<ArtifactReader> Of(ProjectDefinition project, ArtifactRecord artifact, IReadOnlyList<ArtifactRecord> all)
    {
        var newest = all.Where(a => a.Name == artifact.Name)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).FirstOrDefault();
        return project.Pipelines
            .SelectMany(p => p.Nodes.Where(n => n.Kind == NodeKind.Input).Select(n => (Pipeline: p.Name, Node: n)))
            .Where(x => x.Node.Artifact == artifact.Id || (x.Node.Artifact == artifact.Name && newest?.Id == artifact.Id))
            .Select(x => new ArtifactReader(x.Pipeline, x.Node.Id)).ToList();
    }
}
