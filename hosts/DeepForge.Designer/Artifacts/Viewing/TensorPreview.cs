namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>
/// A tensor: its element type and shape, its values when it is small (flat, in memory order), and a summary
/// (minimum, maximum, mean) when it has numbers to sum up.
/// </summary>
internal sealed record TensorPreview(string ElementType, IReadOnlyList<long> Shape, IReadOnlyList<string>? Values, TensorSummary? Summary) : ArtifactPreview
{
    /// <summary>The shape as people write it: [2, 3].</summary>
    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}
