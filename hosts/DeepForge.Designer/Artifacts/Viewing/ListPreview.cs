namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>An array or list: its first items and how many there are in all.</summary>
internal sealed record ListPreview(IReadOnlyList<string> Items, long Total) : ArtifactPreview;
