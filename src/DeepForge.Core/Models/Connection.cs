using System.Text.Json.Serialization;

namespace DeepForge.Models;

/// <summary>A wire from an output port of one node to an input port of another.</summary>
public sealed record Connection(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To)
{
    /// <summary>The producing port.</summary>
    [JsonIgnore] public PortRef Source => PortRef.Parse(From);

    /// <summary>The consuming port.</summary>
    [JsonIgnore] public PortRef Target => PortRef.Parse(To);
}
