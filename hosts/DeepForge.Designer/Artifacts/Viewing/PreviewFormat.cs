using System.Globalization;
using System.Text.Json;
using DeepForge.Data;

namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>How the viewer writes single values: numbers without float noise (1.2, not 1.2000000000000002), records as JSON.</summary>
internal static class PreviewFormat
{
    public static bool IsScalar(object value) => value is bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal or Half;

    public static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        double d => Number(d),
        float f => f.ToString("G7", CultureInfo.InvariantCulture),
        Half h => ((float)h).ToString("G4", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Number(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>An item of a list or a dictionary's key or value: a scalar or string as it is, anything else as compact JSON.</summary>
    public static string Item(object? value) => value switch
    {
        null => "null",
        string s => s,
        _ when IsScalar(value) => Scalar(value),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json.For(value.GetType())),
    };

    /// <summary>A record as indented JSON, with DeepForge's JSON settings.</summary>
    public static string Indented(object value)
    {
        var compact = JsonSerializer.Serialize(value, value.GetType(), Json.For(value.GetType()));
        using var document = JsonDocument.Parse(compact);
        return JsonSerializer.Serialize(document.RootElement, Json.Indented);
    }
}
