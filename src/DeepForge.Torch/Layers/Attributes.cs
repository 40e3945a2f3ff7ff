using System.Text.Json;

namespace DeepForge.Torch.Layers;

/// <summary>Short ways to describe the attributes of built-in layers.</summary>
internal static class Attributes
{
    public static LayerAttribute Integer(string name, long? defaultValue = null, long? minimum = null) =>
        new(name, LayerAttributeKinds.Integer, Element(defaultValue), defaultValue == null) { Minimum = minimum };

    public static LayerAttribute OptionalInteger(string name, long? minimum = null) =>
        new(name, LayerAttributeKinds.Integer) { Minimum = minimum };

    public static LayerAttribute Number(string name, double defaultValue, double? minimum = null, double? maximum = null) =>
        new(name, LayerAttributeKinds.Number, Element(defaultValue)) { Minimum = minimum, Maximum = maximum };

    public static LayerAttribute OptionalNumber(string name, double? minimum = null) =>
        new(name, LayerAttributeKinds.Number) { Minimum = minimum };

    public static LayerAttribute Boolean(string name, bool defaultValue) =>
        new(name, LayerAttributeKinds.Boolean, Element(defaultValue));

    public static LayerAttribute Enum(string name, string defaultValue, params string[] values) =>
        new(name, LayerAttributeKinds.Enum, Element(defaultValue)) { Values = values };

    /// <summary>A 2-D size such as a kernel size: one integer for both dimensions, or a list of two.</summary>
    public static LayerAttribute Pair(string name, long? defaultValue = null, long? minimum = null) =>
        new(name, LayerAttributeKinds.IntegerList, Element(defaultValue), defaultValue == null) { Minimum = minimum, Length = 2 };

    public static LayerAttribute OptionalPair(string name, long? minimum = null) =>
        new(name, LayerAttributeKinds.IntegerList) { Minimum = minimum, Length = 2 };

    public static JsonElement? Element(object? value) => value == null ? null : JsonSerializer.SerializeToElement(value);
}
