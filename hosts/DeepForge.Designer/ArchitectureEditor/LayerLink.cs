namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>A connection between two layers, by id: the output of <paramref name="From"/> flows into <paramref name="To"/>.</summary>
internal readonly record struct LayerLink(string From, string To);
