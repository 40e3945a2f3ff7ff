using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeepForge.Client.Http;

/// <summary>
/// The server's JSON settings (Core's Json.Configure, which is not public): camelCase, enums as camelCase strings,
/// nulls left out, and NaN and ±Infinity as strings ("NaN", "Infinity"), because a diverged loss is data. A round trip
/// of such values through a real server is tested, so a drift between the two shows.
/// </summary>
internal static class ClientJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
