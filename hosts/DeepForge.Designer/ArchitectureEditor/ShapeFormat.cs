namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// How the editor writes a tensor shape: one sample, without the batch dimension, as <c>32×14×14</c>,
/// the same way the architecture's input shape is given; the full shape with the batch goes in a tooltip.
/// </summary>
internal static class ShapeFormat
{
    public static string Sample(IReadOnlyList<long> batched) =>
        batched.Count <= 1 ? "scalar" : string.Join("×", batched.Skip(1));

    public static string Full(IReadOnlyList<long> batched) => $"[{string.Join(", ", batched)}] with a batch of 1";

    /// <summary>An input shape as the editor's text box shows it: <c>1, 28, 28</c>.</summary>
    public static string Input(IReadOnlyList<long>? shape) => shape == null ? "" : string.Join(", ", shape);

    /// <summary>Reads <c>1, 28, 28</c> (or <c>1×28×28</c>, <c>[1, 28, 28]</c>); null with a reason when it is not a shape.</summary>
    public static (List<long>? Shape, string? Problem) ParseInput(string? text)
    {
        var parts = (text ?? "").Trim().Trim('[', ']').Split([',', '×', 'x', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return (null, "give the shape of one sample, e.g. 1, 28, 28");
        var shape = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, out var dimension) || dimension <= 0)
                return (null, $"'{part}' is not a positive whole number; give the shape of one sample, e.g. 1, 28, 28");
            shape.Add(dimension);
        }
        return (shape, null);
    }
}
