using System.Text.Json;

namespace DeepForge.Catalog;

/// <summary>A design-time attribute: its kind (integer, number, boolean, string, enum), default and enum values.</summary>
public sealed record AttributeDescriptor(string Name, string Kind, JsonElement? Default, IReadOnlyList<string>? Values = null);
