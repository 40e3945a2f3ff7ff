using System.Text.Json;

namespace DeepForge.Torch.Layers;

/// <summary>A design-time attribute of a layer type.</summary>
/// <param name="Name">The name used in <see cref="DeepForge.Models.LayerNode.Attributes"/>, e.g. <c>in_features</c>.</param>
/// <param name="Kind">One of <see cref="LayerAttributeKinds"/>.</param>
/// <param name="Default">The value used when the attribute is not given; null when there is none.</param>
/// <param name="Required">Whether a value must be given (there is no default).</param>
public sealed record LayerAttribute(string Name, string Kind, JsonElement? Default = null, bool Required = false)
{
    /// <summary>For <see cref="LayerAttributeKinds.Enum"/>: the allowed values.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The smallest allowed value (for numbers, and each element of an integer list).</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest allowed value.</summary>
    public double? Maximum { get; init; }

    /// <summary>For <see cref="LayerAttributeKinds.IntegerList"/>: the number of elements, when fixed (2 for a 2-D kernel size).</summary>
    public int? Length { get; init; }
}
