namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>What the artifact viewer shows of a stored value: one subtype per way of showing it.</summary>
internal abstract record ArtifactPreview;
