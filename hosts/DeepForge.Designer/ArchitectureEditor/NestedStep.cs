namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>One step into a nested architecture: the architecture held by <paramref name="Attribute"/> of layer <paramref name="Layer"/>.</summary>
internal sealed record NestedStep(string Layer, string Attribute)
{
    public override string ToString() => $"{Layer}.{Attribute}";
}
