namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>What the data type editor shows beside the code: the type's base type and how it is stored, or why they are unknown.</summary>
internal sealed record DataTypeInfo(string Name, string? BaseType, string? Storage, string? Problem);
