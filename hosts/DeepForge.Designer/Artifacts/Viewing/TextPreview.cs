namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>A string, or a record shown as indented JSON.</summary>
internal sealed record TextPreview(string Text) : ArtifactPreview;
