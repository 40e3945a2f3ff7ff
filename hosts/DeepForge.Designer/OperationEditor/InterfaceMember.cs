namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// One part of the operation's interface as the diagram draws it: its kind (input, output, attribute, reference),
/// name, type as written, default (attributes), whether it may stay unconnected (inputs), where it is written
/// (line and column from 1, 0 when it has no source), the problems that concern it and, for a number attribute,
/// the range it declares in words ("at least 1").
/// </summary>
public sealed record InterfaceMember(
    string Kind, string Name, string Type, string? Default, bool Optional, int Line, int Column, IReadOnlyList<CodeProblem> Problems, string? Range = null)
{
    public bool HasError => Problems.Any(p => p.IsError);

    public bool HasWarning => !HasError && Problems.Count > 0;

    /// <summary>The CSS class of its highlight: red for an error, amber for a warning, none when clean.</summary>
    public string Highlight => HasError ? "df-op-error" : HasWarning ? "df-op-warning" : "";

    /// <summary>The tooltip: each problem on a line.</summary>
    public string Tooltip => Problems.Count == 0 ? $"{Name}: {Type}" : string.Join("\n", Problems.Select(p => p.Text));
}
