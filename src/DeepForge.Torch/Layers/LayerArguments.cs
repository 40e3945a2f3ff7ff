using System.Globalization;
using System.Text.Json;
using DeepForge.Models;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>
/// The attribute values of one layer, read as the layer type's attributes declare: defaults filled in,
/// and every wrong value reported with the layer id, the attribute and what was expected.
/// </summary>
internal sealed class LayerArguments
{
    private readonly LayerType _type;
    private readonly LayerNode _node;
    private readonly NestedArchitectureBuilder _nested;

    public LayerArguments(LayerType type, LayerNode node, string prefix, NestedArchitectureBuilder nested)
    {
        (_type, _node, _nested) = (type, node, nested);
        Location = $"{prefix}layer '{node.Id}'";
        RejectUnknownAttributes();
    }

    /// <summary>The layer's id.</summary>
    public string Id => _node.Id;

    /// <summary>Where the layer is, for error messages: <c>layer 'fc1'</c>, prefixed by the enclosing layer when nested.</summary>
    public string Location { get; }

    public bool IsGiven(string name) =>
        _node.Attributes.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    public long Integer(string name) => OptionalInteger(name) ?? throw Missing(name);

    public long? OptionalInteger(string name) => TryValue(name, out var a, out var v) ? ParseInteger(a, v) : null;

    public double Number(string name) => OptionalNumber(name) ?? throw Missing(name);

    public double? OptionalNumber(string name) => TryValue(name, out var a, out var v) ? ParseNumber(a, v) : null;

    public bool Boolean(string name) => TryValue(name, out var a, out var v) ? ParseBoolean(a, v) : throw Missing(name);

    public string? String(string name) => TryValue(name, out var a, out var v) ? ParseString(a, v) : null;

    public string Enum(string name) => TryValue(name, out var a, out var v) ? ParseEnum(a, v) : throw Missing(name);

    public long[] IntegerList(string name) => OptionalIntegerList(name) ?? throw Missing(name);

    public long[]? OptionalIntegerList(string name) => TryValue(name, out var a, out var v) ? ParseIntegerList(a, v) : null;

    /// <summary>The nested architecture's module, or null when the attribute is optional and not given.</summary>
    public nn.Module<Tensor, Tensor>? Architecture(string name)
    {
        if (!TryValue(name, out var attribute, out var value)) return attribute.Required ? throw Missing(name) : null;
        if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Object))
            throw Invalid(attribute, value, "an architecture object or the name of an architecture of the project");
        return _nested(value, $"{Location} attribute '{name}'");
    }

    /// <summary>An error about one attribute, naming the layer, its type and the attribute.</summary>
    public DeepForgeException Error(string attribute, string message) =>
        TorchErrors.Layer(Id, Location, $"{Location} ({_type.Name}) attribute '{attribute}' {message}");

    /// <summary>The given value, else the default; false when there is neither.</summary>
    private bool TryValue(string name, out LayerAttribute attribute, out JsonElement value)
    {
        attribute = _type.Attribute(name) ?? throw new InvalidOperationException($"layer type {_type.Name} declares no attribute '{name}'");
        var found = IsGiven(name) ? _node.Attributes[name] : attribute.Default;
        value = found ?? default;
        return found != null;
    }

    private long ParseInteger(LayerAttribute attribute, JsonElement value)
    {
        if (!TryInteger(value, out var number) || !InRange(attribute, number))
            throw Invalid(attribute, value, "an integer" + RangeText(attribute));
        return number;
    }

    private double ParseNumber(LayerAttribute attribute, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number) || !InRange(attribute, number))
            throw Invalid(attribute, value, "a number" + RangeText(attribute));
        return number;
    }

    private bool ParseBoolean(LayerAttribute attribute, JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Invalid(attribute, value, "true or false"),
        };

    private string ParseString(LayerAttribute attribute, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(attribute, value, "a string");

    private string ParseEnum(LayerAttribute attribute, JsonElement value)
    {
        var values = attribute.Values ?? [];
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return values.FirstOrDefault(v => string.Equals(v, text, StringComparison.OrdinalIgnoreCase))
            ?? throw Invalid(attribute, value, $"one of {string.Join(", ", values)}");
    }

    private long[] ParseIntegerList(LayerAttribute attribute, JsonElement value)
    {
        var elements = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var numbers = new long[elements.Count];
        var fits = elements.Count > 0 && (attribute.Length == null || elements.Count is 1 || elements.Count == attribute.Length);
        for (var i = 0; fits && i < numbers.Length; i++)
            fits = TryInteger(elements[i], out numbers[i]) && InRange(attribute, numbers[i]);
        if (!fits) throw Invalid(attribute, value, ListText(attribute));
        return attribute.Length is { } length && numbers.Length == 1 ? Enumerable.Repeat(numbers[0], length).ToArray() : numbers;
    }

    private static bool TryInteger(JsonElement value, out long number)
    {
        number = 0;
        if (value.ValueKind != JsonValueKind.Number) return false;
        if (value.TryGetInt64(out number)) return true;
        // 5.0 is a whole number too; editors that keep numbers as doubles send it that way.
        if (!value.TryGetDouble(out var real) || real != Math.Floor(real) || Math.Abs(real) > long.MaxValue) return false;
        number = (long)real;
        return true;
    }

    private static bool InRange(LayerAttribute attribute, double number) =>
        (attribute.Minimum is not { } min || number >= min) && (attribute.Maximum is not { } max || number <= max);

    private static string RangeText(LayerAttribute attribute) => (attribute.Minimum, attribute.Maximum) switch
    {
        ({ } min, { } max) => $" from {Format(min)} to {Format(max)}",
        ({ } min, null) => $" >= {Format(min)}",
        (null, { } max) => $" <= {Format(max)}",
        _ => "",
    };

    private static string ListText(LayerAttribute attribute)
    {
        var each = "integer" + RangeText(attribute);
        return attribute.Length is { } length
            ? $"an {each}, or a list of {length} such integers"
            : $"a non-empty list of integers{RangeText(attribute)}";
    }

    private static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);

    private DeepForgeException Missing(string name) => Error(name, "has no value and no default; set it");

    private DeepForgeException Invalid(LayerAttribute attribute, JsonElement value, string expected) =>
        Error(attribute.Name, $"must be {expected}, not {value.GetRawText()}");

    private void RejectUnknownAttributes()
    {
        var unknown = _node.Attributes.Keys.FirstOrDefault(name => _type.Attribute(name) == null);
        if (unknown == null) return;
        var known = _type.Attributes.Count == 0 ? "it has no attributes" : $"its attributes are {string.Join(", ", _type.Attributes.Select(a => a.Name))}";
        throw TorchErrors.Layer(Id, Location, $"{Location} ({_type.Name}) has no attribute '{unknown}'; {known}");
    }
}
