using System.Text.Json;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>Nested architectures live inside attribute values as JSON, written the way the store writes them (camelCase, nulls left out).</summary>
internal static class ArchitectureJson
{
    private static JsonSerializerOptions Options => Json.Options;

    public static ArchitectureDefinition Read(JsonElement value, string where)
    {
        try
        {
            return value.Deserialize<ArchitectureDefinition>(Options) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new DeepForgeException(where, $"{where} does not hold a valid architecture: {e.Message}");
        }
    }

    public static JsonElement Write(ArchitectureDefinition definition) => JsonSerializer.SerializeToElement(definition, Options);

    /// <summary>A deep copy, so a page can show an architecture while edits change the stored one.</summary>
    public static ArchitectureDefinition Copy(ArchitectureDefinition definition) => Read(Write(definition), $"architecture '{definition.Name}'");
}
