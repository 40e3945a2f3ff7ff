using DeepForge.Models;

namespace DeepForge.Designer.Artifacts;

/// <summary>
/// An artifact as the artifacts page lists it: the Input nodes that read it, and why it cannot be deleted now
/// (<see cref="DeepForge.Projects.ArtifactUse"/>'s reason), or null.
/// </summary>
internal sealed record ArtifactRow(ArtifactRecord Artifact, IReadOnlyList<ArtifactReader> Readers, string? InUse)
{
    public string TypeName => ArtifactFormat.TypeName(Artifact.DataType);

    public string Size => ArtifactFormat.Size(Artifact.Size);
}
