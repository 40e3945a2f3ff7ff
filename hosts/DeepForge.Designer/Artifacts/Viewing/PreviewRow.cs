namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>One entry of a dictionary as the viewer's table shows it.</summary>
internal sealed record PreviewRow(string Key, string Value);
