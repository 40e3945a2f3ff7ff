using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>Checks the names and types people type into the interface forms before they become code.</summary>
internal static class CodeNames
{
    /// <summary>Whether <paramref name="name"/> can name a class or parameter as written (no keywords, no '@').</summary>
    public static bool IsIdentifier(string? name) =>
        !string.IsNullOrEmpty(name) && SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>The name, or a <see cref="DeepForgeException"/> saying why it cannot be used, naming <paramref name="what"/>.</summary>
    public static string CheckIdentifier(string? name, string what)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name)) throw new DeepForgeException(what, $"give the {what} a name");
        if (!IsIdentifier(name))
            throw new DeepForgeException(what, $"'{name}' is not a valid C# name for the {what}: use letters, digits and '_', start with a letter or '_', and avoid C# keywords");
        return name;
    }

    /// <summary>The type as syntax, or a <see cref="DeepForgeException"/> when it is empty or not a C# type.</summary>
    public static TypeSyntax ParseType(string? type, string what)
    {
        type = type?.Trim();
        if (string.IsNullOrEmpty(type)) throw new DeepForgeException(what, $"give the {what} a type, for example ImageDataset or int");
        var syntax = SyntaxFactory.ParseTypeName(type);
        if (syntax.ContainsDiagnostics || syntax.ToString() != type)
            throw new DeepForgeException(what, $"'{type}' is not a C# type for the {what}");
        return syntax;
    }

    /// <summary>The rightmost simple name of a type as written: <c>Task</c> for <c>System.Threading.Tasks.Task&lt;int&gt;</c>.</summary>
    public static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => type.ToString(),
    };
}
