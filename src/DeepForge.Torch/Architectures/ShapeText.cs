namespace DeepForge.Torch.Architectures;

/// <summary>Writes shapes the way error messages and editors show them: <c>[1, 16, 5, 5]</c>.</summary>
internal static class ShapeText
{
    public static string Of(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";
}
