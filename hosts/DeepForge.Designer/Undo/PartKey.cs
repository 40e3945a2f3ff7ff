namespace DeepForge.Designer.Undo;

/// <summary>
/// Names one part of a document: <paramref name="Id"/> is the element's id (for elements, own parts and entries),
/// <paramref name="Map"/> the map an entry is in, <paramref name="Name"/> the property, own part, entry or the
/// member's JSON.
/// </summary>
internal sealed record PartKey(PartKind Kind, string Id = "", string Map = "", string Name = "");
