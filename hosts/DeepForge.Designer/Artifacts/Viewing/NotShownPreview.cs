namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>A value the viewer does not show, and why, in one line that says what to do instead.</summary>
internal sealed record NotShownPreview(string Reason) : ArtifactPreview;
