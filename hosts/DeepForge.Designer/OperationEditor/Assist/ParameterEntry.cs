namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>A parameter of a <see cref="SignatureEntry"/>: its place in the signature's label and its documentation.</summary>
/// <param name="Start">Offset of the parameter in the label.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Documentation">The method's <c>param</c> doc for it, when there is one.</param>
public sealed record ParameterEntry(int Start, int End, string? Documentation);
