namespace DeepForge.Projects;

/// <summary>The <c>seed.json</c> of a seed folder.</summary>
internal sealed class SeedManifest
{
    public string? Description { get; set; }
}
