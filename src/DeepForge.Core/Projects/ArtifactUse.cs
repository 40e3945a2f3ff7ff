using DeepForge.Models;

namespace DeepForge.Projects;

/// <summary>Which Input node of which pipeline reads an artifact, so deleting it would break that pipeline.</summary>
public static class ArtifactUse
{
    /// <summary>
    /// A reason not to delete, or null. An Input node reads the artifact it names by id, or the newest
    /// of the name it names, so an older artifact of the same name may go.
    /// </summary>
    public static string? Find(ProjectDefinition project, ArtifactRecord artifact, IReadOnlyList<ArtifactRecord> all)
    {
        var newest = all.Where(a => a.Name == artifact.Name)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal).First();
        foreach (var pipeline in project.Pipelines)
            foreach (var node in pipeline.Nodes.Where(n => n.Kind == NodeKind.Input))
            {
                if (node.Artifact == artifact.Id || (node.Artifact == artifact.Name && newest.Id == artifact.Id))
                    return $"artifact '{artifact.Name}' ({artifact.Id}) is read by Input node '{node.Id}' of pipeline '{pipeline.Name}': " +
                           "point that node at another artifact, or upload a newer one of that name, first";
            }
        return null;
    }
}
