using System.Reflection;
using System.Text.Json;
using DeepForge.Catalog;
using DeepForge.Data;

namespace DeepForge.Runtime;

/// <summary>Turns attribute values given in JSON into constructor arguments, with errors that name the node and attribute.</summary>
internal static class AttributeValues
{
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
        try
        {
            if (target.IsEnum && value.ValueKind == JsonValueKind.String)
                return Enum.Parse(target, value.GetString()!, ignoreCase: true);
            if (value.ValueKind == JsonValueKind.String && target != typeof(string)) throw new FormatException();
            if (target == typeof(bool) && value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) throw new FormatException();
            return JsonSerializer.Deserialize(value, target, Json.Options) ?? throw new FormatException();
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            var kind = AttributeKinds.Of(target) ?? target.Name;
            var expected = target.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(target))}" : $"a value of kind {kind}";
            throw new DeepForgeException(location, $"{location} must be {expected}, not {value.GetRawText()}");
        }
    }
}
