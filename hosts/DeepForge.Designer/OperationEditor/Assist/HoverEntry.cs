namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>What hovering on a name shows: the symbol's signature and doc summary, and the span of the name.</summary>
/// <param name="Signature">The symbol's kind and signature, e.g. <c>class DeepForge.Operations.OperationContext</c>.</param>
/// <param name="Documentation">The XML doc summary, when the symbol has one.</param>
/// <param name="Start">Offset of the name's first character in the text.</param>
/// <param name="End">Offset just past the name.</param>
public sealed record HoverEntry(string Signature, string? Documentation, int Start, int End);
