using System.Text.Json;

namespace DeepForge.Catalog;

/// <summary>A design-time attribute: its kind (integer, number, boolean, string, enum), default, enum values and, for numbers, the range the operation declares.</summary>
public sealed record AttributeDescriptor(string Name, string Kind, JsonElement? Default, IReadOnlyList<string>? Values = null, AttributeRange? Range = null);
