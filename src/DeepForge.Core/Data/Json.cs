using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepForge.Data;

/// <summary>
/// The one JSON configuration of DeepForge: camelCase, enums as strings, nulls left out, and NaN and
/// ±Infinity written as the strings "NaN", "Infinity" and "-Infinity" (a diverged loss is data, not an
/// error). The store, the REST API, the runner protocol, the designer and the command all use it.
/// </summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is null");

    /// <summary>Gives options made elsewhere (ASP.NET Core's, a client's) DeepForge's settings, so every side reads what the others write.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented });
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
