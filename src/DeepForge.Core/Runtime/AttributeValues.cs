using System.Globalization;
using System.Reflection;
using System.Text.Json;
using DeepForge.Catalog;
using DeepForge.Data;

namespace DeepForge.Runtime;

/// <summary>
/// Turns attribute values given in JSON into constructor arguments, with errors that name the node and attribute.
/// A number that does not fit its type (<c>1e400</c> for a double, 3000000000 for an int) is refused, never rounded
/// to Infinity or wrapped; an enum takes one of its names only. "NaN", "Infinity" and "-Infinity" are read for
/// floating-point attributes, and <see cref="CheckRange"/> decides whether they may stay.
/// </summary>
internal static class AttributeValues
{
    private static readonly HashSet<string> NamedFloats = ["NaN", "Infinity", "-Infinity"];

    public static object? Convert(ParameterInfo parameter, JsonElement? given, string location)
    {
        if (given is not { } value || value.ValueKind == JsonValueKind.Null)
        {
            if (parameter.HasDefaultValue) return parameter.DefaultValue;
            throw new DeepForgeException(location, $"{location} has no value and no default; set it");
        }
        return Convert(parameter.ParameterType, value, location);
    }

    public static object Convert(Type type, JsonElement value, string location)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum) return ToEnum(target, value, location);
        if (IsFloating(target) && value.ValueKind == JsonValueKind.String && NamedFloats.Contains(value.GetString()!))
            return JsonSerializer.Deserialize(value, target, Json.For(target))!;
        try
        {
            if (value.ValueKind == JsonValueKind.String && target != typeof(string)) throw new FormatException();
            if (target == typeof(bool) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new FormatException();
            if (AttributeKinds.Of(target) is "integer" or "number" && value.ValueKind != JsonValueKind.Number) throw new FormatException();
            var result = JsonSerializer.Deserialize(value, target, Json.For(target)) ?? throw new FormatException();
            return IsFloating(target) && !IsFinite(result) ? throw TooLarge(target, value, location) : result;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            if (value.ValueKind == JsonValueKind.Number && AttributeKinds.Of(target) is "integer" or "number")
                throw TooLarge(target, value, location);
            throw new DeepForgeException(location, $"{location} must be a value of kind {AttributeKinds.Of(target) ?? target.Name}, not {value.GetRawText()}");
        }
    }

    /// <summary>
    /// Refuses a number outside the range the operation declares, naming the value and the range. NaN is never
    /// allowed; ±Infinity only when a declared range reaches it (<c>[Range(0, double.PositiveInfinity)]</c>).
    /// </summary>
    public static void CheckRange(object? value, AttributeDescriptor? attribute, string location)
    {
        if (value is not (double or float or decimal or int or long or short)) return;
        var number = System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var range = attribute?.Range;
        if (!double.IsFinite(number) && range?.Contains(number) != true)
            throw new DeepForgeException(location, $"{location} is {Format(number)}: give a finite number{(range == null ? "" : $" ({range})")}");
        if (range != null && !range.Contains(number))
            throw new DeepForgeException(location, $"{location} is {Format(number)}, outside its range: {range}");
    }

    private static object ToEnum(Type target, JsonElement value, string location)
    {
        var names = Enum.GetNames(target);
        // Only names: Enum.Parse would also take "7" or 7, a value the enum does not declare.
        var name = value.ValueKind == JsonValueKind.String ? names.FirstOrDefault(n => string.Equals(n, value.GetString(), StringComparison.OrdinalIgnoreCase)) : null;
        return name != null ? Enum.Parse(target, name)
            : throw new DeepForgeException(location, $"{location} must be one of {string.Join(", ", names)}, not {value.GetRawText()}");
    }

    private static DeepForgeException TooLarge(Type target, JsonElement value, string location) =>
        new(location, $"{location} is {value.GetRawText()}, which does not fit in {(AttributeKinds.Of(target) == "integer" ? "a whole number of type " : "a ")}{TypeName(target)}; give a number between {Limit(target, min: true)} and {Limit(target, min: false)}");

    private static bool IsFloating(Type type) => type == typeof(double) || type == typeof(float);

    private static bool IsFinite(object value) => value switch
    {
        double d => double.IsFinite(d),
        float f => float.IsFinite(f),
        _ => true,
    };

    private static string TypeName(Type type) => type == typeof(double) ? "double" : type == typeof(float) ? "float" : type == typeof(decimal) ? "decimal"
        : type == typeof(long) ? "long" : type == typeof(short) ? "short" : type == typeof(int) ? "int" : type.Name;

    private static string Limit(Type type, bool min) => (min ? type.GetField("MinValue") : type.GetField("MaxValue"))?.GetValue(null) is IFormattable limit
        ? limit.ToString(null, CultureInfo.InvariantCulture) : "?";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
