namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>A dictionary as a two-column table: its first entries and how many there are in all.</summary>
internal sealed record TablePreview(IReadOnlyList<PreviewRow> Rows, long Total) : ArtifactPreview;
