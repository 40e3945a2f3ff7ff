using Microsoft.CodeAnalysis.CSharp;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>Checks the class name given for a new custom layer or data type.</summary>
internal static class SourceNames
{
    public static string? Problem(string? name, string what)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) return $"give the new {what} a class name, e.g. Residual";
        if (!SyntaxFacts.IsValidIdentifier(trimmed) || SyntaxFacts.GetKeywordKind(trimmed) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None)
            return $"'{trimmed}' is not a C# class name: use letters, digits and '_', starting with a letter";
        return null;
    }
}
