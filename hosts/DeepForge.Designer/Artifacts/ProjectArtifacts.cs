using DeepForge.Projects;
using DeepForge.Storage;

namespace DeepForge.Designer.Artifacts;

/// <summary>
/// A project's artifacts for the designer: listed newest first with what uses them, and deleted only when
/// no pipeline's Input node reads them (the rule of DELETE /api/v1/projects/{project}/artifacts/{id}, <see cref="ArtifactUse"/>).
/// Uploads and downloads go through the REST API, which streams them.
/// </summary>
internal sealed class ProjectArtifacts(DeepForgeStore store)
{
    public async Task<IReadOnlyList<ArtifactRow>> ListAsync(string project, CancellationToken cancellationToken = default)
    {
        var definition = await DefinitionAsync(project, cancellationToken);
        var all = await store.Artifacts.ListAsync(project, cancellationToken);
        return all.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal)
            .Select(a => new ArtifactRow(a, ArtifactReaders.Of(definition, a, all), ArtifactUse.Find(definition, a, all))).ToList();
    }

    /// <summary>Deletes the artifact and returns null, or returns why it was not deleted (a pipeline reads it, or it is gone).</summary>
    public async Task<string?> DeleteAsync(string project, string artifactId, CancellationToken cancellationToken = default)
    {
        var definition = await DefinitionAsync(project, cancellationToken);
        var all = await store.Artifacts.ListAsync(project, cancellationToken);
        if (all.FirstOrDefault(a => a.Id == artifactId) is not { } found) return $"project '{project}' has no artifact '{artifactId}' (any more)";
        if (ArtifactUse.Find(definition, found, all) is { } reason) return reason;
        await store.Artifacts.DeleteAsync(found.Id, cancellationToken);
        return null;
    }

    /// <summary>The REST address the page's upload posts the file to (same origin, relative to the base href).</summary>
    public static string UploadUrl(string project, string name) =>
        $"api/v1/projects/{Uri.EscapeDataString(project)}/artifacts?name={Uri.EscapeDataString(name)}";

    /// <summary>The designer's page that shows an artifact's value.</summary>
    public static string ViewPath(string project, string artifactId) =>
        $"/projects/{Uri.EscapeDataString(project)}/artifacts/{Uri.EscapeDataString(artifactId)}";

    /// <summary>The REST address of an artifact's bytes.</summary>
    public static string DownloadUrl(string project, string artifactId) =>
        $"api/v1/projects/{Uri.EscapeDataString(project)}/artifacts/{Uri.EscapeDataString(artifactId)}/content";

    /// <summary>The REST address of an artifact written in another format (<c>onnx</c>, <c>pytorch</c>).</summary>
    public static string ExportUrl(string project, string artifactId, string format) =>
        $"api/v1/projects/{Uri.EscapeDataString(project)}/artifacts/{Uri.EscapeDataString(artifactId)}/export?format={Uri.EscapeDataString(format)}";

    private async Task<Models.ProjectDefinition> DefinitionAsync(string project, CancellationToken cancellationToken) =>
        (await store.Projects.GetAsync(project, cancellationToken))?.Value
        ?? throw new DeepForgeException($"project '{project}'", $"there is no project '{project}'");
}
