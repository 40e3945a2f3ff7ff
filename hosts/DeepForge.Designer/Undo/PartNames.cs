using System.Text.Json.Nodes;

namespace DeepForge.Designer.Undo;

/// <summary>Parts of a document named as people read them: "the position of node 'train'", "the link a → b".</summary>
internal static class PartNames
{
    public static string Of(PartKey key, DocumentShape shape) => key.Kind switch
    {
        PartKind.Property => $"the {Words(key.Name)}",
        PartKind.Element => $"{shape.Noun} '{key.Id}'",
        PartKind.Own => $"the {Words(key.Name)} of {shape.Noun} '{key.Id}'",
        PartKind.Entry => $"{key.Map.TrimEnd('s')} '{key.Name}' of {shape.Noun} '{key.Id}'",
        _ => $"the link {Link(key.Name)}",
    };

    /// <summary>A link's ends as written, from → to.</summary>
    public static string Link(string member) =>
        string.Join(" → ", (JsonNode.Parse(member) switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        }).Select(v => v is JsonValue value && value.TryGetValue<string>(out var s) ? s : v?.ToJsonString()));

    // inputShape -> input shape
    private static string Words(string name) =>
        string.Concat(name.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
