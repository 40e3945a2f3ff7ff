namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>Signature help inside a call's parentheses: the overloads, the one that fits and the argument being typed.</summary>
/// <param name="Signatures">Every overload that can be called here.</param>
/// <param name="ActiveSignature">Index of the overload the arguments so far select (or the first that can take them).</param>
/// <param name="ActiveParameter">Index of the argument the cursor is in.</param>
public sealed record SignatureHelp(IReadOnlyList<SignatureEntry> Signatures, int ActiveSignature, int ActiveParameter);
