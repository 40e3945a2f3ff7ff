namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>A class declared in the project's sources: its name and the file it is in.</summary>
internal sealed record SourceClass(string Name, string Path);
