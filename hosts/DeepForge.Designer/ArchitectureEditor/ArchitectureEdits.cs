using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// The changes the architecture editor makes to an architecture, as pure functions that say whether
/// anything changed (what <c>ProjectEdits.ApplyAsync</c> wants). Connection edits first make the chain
/// an architecture without connections implies explicit, so the rest of it is kept.
/// </summary>
internal static class ArchitectureEdits
{
    /// <summary>The connections the architecture has: its own, or the chain of its layers in order when it has none.</summary>
    public static IReadOnlyList<LayerLink> Links(ArchitectureDefinition architecture) =>
        architecture.Connections.Count > 0
            ? architecture.Connections.Where(c => c is { Length: 2 }).Select(c => new LayerLink(c[0], c[1])).ToList()
            : architecture.Layers.Zip(architecture.Layers.Skip(1), (a, b) => new LayerLink(a.Id, b.Id)).ToList();

    /// <summary>A new layer of <paramref name="type"/>, after layer <paramref name="after"/> when given; returns its id.</summary>
    public static string AddLayer(ArchitectureDefinition architecture, string type, NodePosition? position, string? after)
    {
        MakeExplicit(architecture);
        var id = NewId(architecture, type);
        architecture.Layers.Add(new LayerNode { Id = id, Type = type, Position = position });
        if (after != null && architecture.Layers.Any(l => l.Id == after))
            architecture.Connections.Add([after, id]);
        return id;
    }

    /// <summary>
    /// A new layer of <paramref name="type"/> in the flow after layer <paramref name="after"/>: what left that layer now
    /// leaves the new one. With <paramref name="before"/> too, only that connection is split (a drop on a link).
    /// Without <paramref name="after"/> the new layer follows the architecture's output layer, or is its first.
    /// Returns the new layer's id.
    /// </summary>
    public static string Insert(ArchitectureDefinition architecture, string type, string? after, string? before = null)
    {
        after ??= OutputLayer(architecture);
        if (after != null && architecture.Layers.All(l => l.Id != after))
            throw new DeepForgeException($"layer '{after}'", $"architecture '{architecture.Name}' no longer has layer '{after}'");
        if (before != null && !Links(architecture).Contains(new LayerLink(after!, before)))
            throw new DeepForgeException($"layer '{before}'", $"'{after}' no longer feeds '{before}'; drop the layer on another link");
        MakeExplicit(architecture);
        var id = NewId(architecture, type);
        architecture.Layers.Insert(IndexAfter(architecture, after), new LayerNode { Id = id, Type = type });
        if (after == null) return id;
        foreach (var connection in architecture.Connections.Where(c => c is [var f, var t] && f == after && (before == null || t == before)))
            connection[0] = id;
        architecture.Connections.Add([after, id]);
        return id;
    }

    /// <summary>The one layer nothing leaves, when there is exactly one.</summary>
    public static string? OutputLayer(ArchitectureDefinition architecture)
    {
        var links = Links(architecture);
        var ends = architecture.Layers.Where(l => links.All(k => k.From != l.Id)).ToList();
        return ends is [var single] ? single.Id : null;
    }

    // Listed right after the layer it follows, so an architecture read as a list still reads in flow order.
    private static int IndexAfter(ArchitectureDefinition architecture, string? after) =>
        after == null ? architecture.Layers.Count : architecture.Layers.FindIndex(l => l.Id == after) + 1;

    /// <summary>Connects two layers; null when done, else why not.</summary>
    public static string? Connect(ArchitectureDefinition architecture, string from, string to)
    {
        if (from == to) return $"layer '{from}' cannot feed itself";
        if (architecture.Layers.All(l => l.Id != from) || architecture.Layers.All(l => l.Id != to))
            return $"architecture '{architecture.Name}' has no layer '{(architecture.Layers.All(l => l.Id != from) ? from : to)}'";
        if (Links(architecture).Contains(new LayerLink(from, to))) return $"'{from}' already feeds '{to}'";
        MakeExplicit(architecture);
        architecture.Connections.Add([from, to]);
        return null;
    }

    public static bool Disconnect(ArchitectureDefinition architecture, string from, string to)
    {
        if (!Links(architecture).Contains(new LayerLink(from, to))) return false;
        MakeExplicit(architecture);
        architecture.Connections.RemoveAll(c => c is [var f, var t] && f == from && t == to);
        return true;
    }

    /// <summary>Removes a layer; a layer with one input is bridged, so deleting a layer from a chain keeps the chain.</summary>
    public static bool RemoveLayer(ArchitectureDefinition architecture, string id)
    {
        var layer = architecture.Layers.FirstOrDefault(l => l.Id == id);
        if (layer == null) return false;
        MakeExplicit(architecture);
        var links = Links(architecture);
        var inputs = links.Where(l => l.To == id).Select(l => l.From).ToList();
        var outputs = links.Where(l => l.From == id).Select(l => l.To).ToList();
        architecture.Connections.RemoveAll(c => c.Contains(id));
        if (inputs is [var single])
            foreach (var next in outputs.Where(n => !Links(architecture).Contains(new LayerLink(single, n))))
                architecture.Connections.Add([single, next]);
        architecture.Layers.Remove(layer);
        return true;
    }

    public static bool Move(ArchitectureDefinition architecture, string id, double x, double y)
    {
        var layer = architecture.Layers.FirstOrDefault(l => l.Id == id);
        var position = new NodePosition(Math.Round(x), Math.Round(y));
        if (layer == null || layer.Position == position) return false;
        layer.Position = position;
        return true;
    }

    /// <summary>Sets an attribute's value; null removes it, so the layer's default applies.</summary>
    public static bool SetAttribute(ArchitectureDefinition architecture, string id, string name, JsonElement? value)
    {
        var layer = architecture.Layers.FirstOrDefault(l => l.Id == id)
            ?? throw new DeepForgeException($"layer '{id}'", $"architecture '{architecture.Name}' no longer has layer '{id}'");
        if (value is not { } given) return layer.Attributes.Remove(name);
        if (layer.Attributes.TryGetValue(name, out var old) && JsonElement.DeepEquals(old, given)) return false;
        layer.Attributes[name] = given;
        return true;
    }

    public static bool SetInputShape(ArchitectureDefinition architecture, IReadOnlyList<long>? shape)
    {
        if (architecture.InputShape is { } old && shape != null && old.SequenceEqual(shape)) return false;
        if (architecture.InputShape == null && shape == null) return false;
        architecture.InputShape = shape?.ToList();
        return true;
    }

    /// <summary>The type's name in lower case and the first number not taken: <c>linear3</c>.</summary>
    public static string NewId(ArchitectureDefinition architecture, string type)
    {
        var stem = new string(type.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (stem.Length == 0) stem = "layer";
        var taken = architecture.Layers.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
            if (!taken.Contains($"{stem}{n}")) return $"{stem}{n}";
    }

    // Without connections the layers form a chain in order; editing one link must not lose the others.
    private static void MakeExplicit(ArchitectureDefinition architecture)
    {
        if (architecture.Connections.Count > 0) return;
        architecture.Connections = Links(architecture).Select(l => new[] { l.From, l.To }).ToList();
    }
}
