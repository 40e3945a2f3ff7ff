namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// A compile error or warning in the edited file, where Monaco marks it (lines and columns from 1, end exclusive)
/// and which part of the interface it concerns (<see cref="MemberKind"/> and <see cref="MemberName"/>, when any).
/// </summary>
public sealed record CodeProblem(
    int Line, int Column, int EndLine, int EndColumn, bool IsError, string Code, string Message,
    string? MemberKind = null, string? MemberName = null)
{
    /// <summary>What the problem list and the diagram's tooltips show: <c>12:5 CS0103 The name 'x' does not exist</c>.</summary>
    public string Text => $"{Line}:{Column} {Code} {Message}";
}
