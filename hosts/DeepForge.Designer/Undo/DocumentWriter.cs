using System.Text.Json.Nodes;

namespace DeepForge.Designer.Undo;

/// <summary>Sets parts of a document (as JSON) to given values: the inverse of <see cref="DocumentParts.Of"/>, part by part.</summary>
internal static class DocumentWriter
{
    /// <summary>
    /// Gives each part in <paramref name="targets"/> its value (null: removes it). Elements are made before their
    /// parts are set and removed after, so one step can add a node with its attributes or delete it with them.
    /// </summary>
    public static void Apply(JsonObject document, DocumentShape shape, IReadOnlyList<(PartKey Key, string? Value, int Index)> targets)
    {
        var ordered = targets.OrderBy(t => t.Key.Kind == PartKind.Element ? (t.Value == null ? 2 : 0) : 1)
            .ThenBy(t => t.Index);
        foreach (var (key, value, index) in ordered) Set(document, shape, key, value, index);
    }

    private static void Set(JsonObject document, DocumentShape shape, PartKey key, string? value, int index)
    {
        var node = value == null ? null : JsonNode.Parse(value);
        switch (key.Kind)
        {
            case PartKind.Property:
                if (value == null) document.Remove(key.Name);
                else document[key.Name] = node;
                break;
            case PartKind.Member:
                SetMember(ArrayOf(document, shape.Links), key.Name, value != null);
                break;
            case PartKind.Element:
                SetElement(ArrayOf(document, shape.Elements), shape, key.Id, (JsonObject?)node, index);
                break;
            case PartKind.Own:
                if (Find(ArrayOf(document, shape.Elements), key.Id) is not { } owner) break;
                if (value == null) owner.Remove(key.Name);
                else owner[key.Name] = node;
                break;
            case PartKind.Entry:
                if (Find(ArrayOf(document, shape.Elements), key.Id) is not { } element) break;
                if (element[key.Map] is not JsonObject map) element[key.Map] = map = new JsonObject();
                if (value == null) map.Remove(key.Name);
                else map[key.Name] = node;
                break;
        }
    }

    private static void SetMember(JsonArray links, string member, bool present)
    {
        var at = links.Select((l, i) => (l, i)).Where(x => DocumentParts.Json(x.l) == member).Select(x => x.i).Reverse().ToList();
        if (present && at.Count == 0) links.Add(JsonNode.Parse(member));
        if (!present) foreach (var i in at) links.RemoveAt(i);
    }

    private static void SetElement(JsonArray elements, DocumentShape shape, string id, JsonObject? core, int index)
    {
        var element = Find(elements, id);
        if (core == null)
        {
            if (element != null) elements.Remove(element);
            return;
        }
        if (element == null)
        {
            elements.Insert(Math.Clamp(index, 0, elements.Count), core);
            return;
        }
        // The element's maps and own parts are parts of their own: only the rest is replaced.
        foreach (var name in element.Select(p => p.Key).Where(n => !shape.Maps.Contains(n) && !shape.OwnParts.Contains(n)).ToList()) element.Remove(name);
        foreach (var (name, value) in core.ToList())
        {
            core.Remove(name);
            element[name] = value;
        }
    }

    private static JsonObject? Find(JsonArray elements, string id) =>
        elements.OfType<JsonObject>().FirstOrDefault(e => e["id"]?.GetValue<string>() == id);

    private static JsonArray ArrayOf(JsonObject document, string name)
    {
        if (document[name] is JsonArray array) return array;
        var made = new JsonArray();
        document[name] = made;
        return made;
    }
}
