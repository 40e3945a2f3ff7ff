namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>What a source editor edits: a custom layer (in <c>layers/</c>) or a data type (in <c>types/</c>).</summary>
public enum SourceKind
{
    /// <summary>A custom layer.</summary>
    Layer,
    /// <summary>A data type.</summary>
    DataType,
}
