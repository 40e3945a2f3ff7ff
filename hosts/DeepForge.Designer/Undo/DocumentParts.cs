using System.Text.Json.Nodes;

namespace DeepForge.Designer.Undo;

/// <summary>
/// A document (a pipeline or an architecture, as JSON) divided into the parts people change independently: each
/// property, each element (node, layer), each element's own parts (position) and map entries (attributes,
/// references), each link. An edit is the parts it changed; undoing it checks those parts alone, so another
/// person's change elsewhere in the same document neither blocks nor is lost by it.
/// </summary>
internal sealed class DocumentParts
{
    private readonly Dictionary<PartKey, string> _values = [];
    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    private DocumentParts(DocumentShape shape) => Shape = shape;

    public DocumentShape Shape { get; }

    public IReadOnlyDictionary<PartKey, string> Values => _values;

    /// <summary>The part's JSON, or null when the document does not have it.</summary>
    public string? this[PartKey key] => _values.GetValueOrDefault(key);

    /// <summary>Where an element stands in the collection; -1 when there is no such element.</summary>
    public int IndexOf(string id) => _indexes.GetValueOrDefault(id, -1);

    public static DocumentParts Of(JsonObject? document, DocumentShape shape)
    {
        var parts = new DocumentParts(shape);
        foreach (var (name, value) in document ?? [])
        {
            if (name == shape.Elements && value is JsonArray elements) parts.AddElements(elements);
            else if (name == shape.Links && value is JsonArray links)
                foreach (var link in links) parts._values[new PartKey(PartKind.Member, Name: Json(link))] = "true";
            else parts._values[new PartKey(PartKind.Property, Name: name)] = Json(value);
        }
        return parts;
    }

    /// <summary>The ids of the elements a link's ends name.</summary>
    public static IEnumerable<string> EndsOf(string link) =>
        (JsonNode.Parse(link) switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        }).OfType<JsonValue>().Where(v => v.GetValueKind() == System.Text.Json.JsonValueKind.String)
            .Select(v => DocumentShape.ElementOf(v.GetValue<string>()));

    /// <summary>The JSON a part is compared by: the serializer writes properties in one order, so equal values read the same.</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    private void AddElements(JsonArray elements)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (elements[i] is not JsonObject element || element["id"]?.GetValue<string>() is not { } id) continue;
            _indexes[id] = i;
            var core = new JsonObject();
            foreach (var (name, value) in element)
            {
                if (Shape.Maps.Contains(name) && value is JsonObject map)
                    foreach (var (entry, entryValue) in map) _values[new PartKey(PartKind.Entry, id, name, entry)] = Json(entryValue);
                else if (Shape.OwnParts.Contains(name)) _values[new PartKey(PartKind.Own, id, Name: name)] = Json(value);
                else core[name] = value?.DeepClone();
            }
            _values[new PartKey(PartKind.Element, id)] = Json(core);
        }
    }
}
