using DeepForge.Models;

namespace DeepForge.Designer.Artifacts;

/// <summary>An artifact as the artifacts page lists it, with why it cannot be deleted now (a pipeline's Input node reads it), or null.</summary>
internal sealed record ArtifactRow(ArtifactRecord Artifact, string? InUse)
{
    public string TypeName => ArtifactFormat.TypeName(Artifact.DataType);

    public string Size => ArtifactFormat.Size(Artifact.Size);
}
