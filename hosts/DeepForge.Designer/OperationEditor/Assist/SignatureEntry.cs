namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>One overload shown by signature help.</summary>
/// <param name="Label">The whole signature, e.g. <c>FeedbackGraph Graph(string title)</c>.</param>
/// <param name="Documentation">The method's XML doc summary, when it has one.</param>
/// <param name="Parameters">Where each parameter is in <paramref name="Label"/>, with its documentation.</param>
public sealed record SignatureEntry(string Label, string? Documentation, IReadOnlyList<ParameterEntry> Parameters);
