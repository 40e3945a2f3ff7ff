using DeepForge.Catalog;
using DeepForge.Models;

namespace DeepForge.Designer.Diagrams;

/// <summary>
/// What the pipeline editor knows about types: the project's operations (null when its code does not compile,
/// with the reason in <see cref="Problem"/>) and the newest artifact of each name, which gives an Input node its type.
/// </summary>
public sealed record PipelineTypes(ProjectCatalog? Catalog, IReadOnlyDictionary<string, ArtifactRecord> Artifacts, string? Problem)
{
    public static PipelineTypes None { get; } = new(null, new Dictionary<string, ArtifactRecord>(), null);

    public static async Task<PipelineTypes> LoadAsync(DeepForgeEngine engine, string project, CancellationToken cancellationToken)
    {
        var artifacts = (await engine.Artifacts.ListAsync(project, cancellationToken))
            .GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.MaxBy(a => a.CreatedAt)!);
        try { return new PipelineTypes(await engine.Projects.CatalogAsync(project, cancellationToken), artifacts, null); }
        catch (DeepForgeException e) { return new PipelineTypes(null, artifacts, e.Message); }
    }

    public OperationDescriptor? Operation(PipelineNode node) => node.Operation is { } name ? Catalog?.Find(name) : null;

    /// <summary>The data type an Input node gives: its artifact's, when the project has that artifact.</summary>
    public string? InputType(PipelineNode node) => node.Artifact is { } name ? Artifacts.GetValueOrDefault(name)?.DataType : null;

    public string Display(string? dataType) => dataType == null ? "any" : Catalog?.Display(dataType) ?? dataType[(dataType.LastIndexOf('.') + 1)..];
}
