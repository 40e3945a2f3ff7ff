namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>A single number or true/false, formatted as people read it.</summary>
internal sealed record ScalarPreview(string Text) : ArtifactPreview;
