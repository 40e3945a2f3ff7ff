namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>One suggestion of code completion: a symbol (overloads folded into one) or a keyword.</summary>
/// <param name="Label">What is inserted and shown: the name.</param>
/// <param name="Kind">Monaco's name of the kind (<c>Method</c>, <c>Property</c>, <c>Class</c>, <c>Keyword</c>...), which picks the icon.</param>
/// <param name="Detail">The signature, with the number of other overloads.</param>
/// <param name="Documentation">The XML doc summary, when the symbol has one.</param>
/// <param name="SortText">Orders the list: what is in scope first, then types, namespaces and keywords.</param>
public sealed record CompletionEntry(string Label, string Kind, string Detail, string? Documentation, string SortText);
