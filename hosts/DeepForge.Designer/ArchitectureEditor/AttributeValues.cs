using System.Globalization;
using System.Text.Json;
using DeepForge.Models;
using DeepForge.Torch.Layers;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>Turns attribute values between their stored JSON and what the attribute panel's inputs hold.</summary>
internal static class AttributeValues
{
    public static JsonElement? Integer(long? value) => value is { } v ? JsonSerializer.SerializeToElement(v) : null;

    public static JsonElement? Number(double? value) => value is { } v ? JsonSerializer.SerializeToElement(v) : null;

    public static JsonElement Boolean(bool value) => JsonSerializer.SerializeToElement(value);

    public static JsonElement? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonSerializer.SerializeToElement(value);

    /// <summary>Reads <c>2, 2</c> or <c>3</c>; one number is stored as a number (PyTorch's <c>kernel_size=3</c>).</summary>
    public static (JsonElement? Value, string? Problem) IntegerList(string? text, LayerAttribute attribute)
    {
        var parts = (text ?? "").Trim().Trim('[', ']').Split([',', ' ', '×'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return (null, null);
        var values = new List<long>();
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                return (null, $"{attribute.Name}: '{part}' is not a whole number");
            values.Add(v);
        }
        if (attribute.Length is { } length && values.Count != 1 && values.Count != length)
            return (null, $"{attribute.Name}: give one number or {length}, not {values.Count}");
        return (values.Count == 1 ? JsonSerializer.SerializeToElement(values[0]) : JsonSerializer.SerializeToElement(values), null);
    }

    /// <summary>The value given, or else the default, as the panel shows it in a text box.</summary>
    public static string Show(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.Array } array => string.Join(", ", array.EnumerateArray().Select(e => e.ToString())),
        { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        { } other => other.ToString(),
    };

    public static long? AsInteger(JsonElement? value) => value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var l) ? l : null;

    public static double? AsNumber(JsonElement? value) => value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    public static bool AsBoolean(JsonElement? value) => value is { ValueKind: JsonValueKind.True };

    /// <summary>What the layer's node shows under its type: the values given, e.g. <c>1→32 · kernel_size 3</c>.</summary>
    public static string Summary(LayerNode layer)
    {
        var parts = layer.Attributes
            .Where(a => a.Value.ValueKind is not JsonValueKind.Object)
            .Select(a => $"{a.Key} {Show(a.Value)}");
        var text = string.Join(" · ", parts);
        return text.Length > 60 ? text[..57] + "…" : text;
    }
}
