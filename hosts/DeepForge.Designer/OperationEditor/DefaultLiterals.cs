using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>Turns the default value typed for an attribute into a C# default that fits its type.</summary>
internal static class DefaultLiterals
{
    /// <summary>The default as an expression, null for none, or a <see cref="DeepForgeException"/> naming the attribute.</summary>
    public static ExpressionSyntax? Build(TypeSyntax type, string? value, string what)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        var name = type is NullableTypeSyntax nullable ? nullable.ElementType.ToString() : type.ToString();
        var text = name switch
        {
            "string" or "String" or "System.String" => value.StartsWith('"') ? value : SymbolDisplay.FormatLiteral(value, quote: true),
            "bool" or "Boolean" => bool.TryParse(value, out var b) ? (b ? "true" : "false") : null,
            "int" or "long" or "short" or "Int32" or "Int64" or "Int16" =>
                long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l.ToString(CultureInfo.InvariantCulture) : null,
            "double" or "Double" => Number(value, ""),
            "float" or "Single" => Number(value, "f"),
            "decimal" or "Decimal" => Number(value, "m"),
            // An enum member typed bare (Adam) is written as the code would (Optimizer.Adam).
            _ => CodeNames.IsIdentifier(value) ? $"{name}.{value}" : value,
        };
        var expression = text == null ? null : SyntaxFactory.ParseExpression(text);
        if (expression == null || expression.ContainsDiagnostics || expression.ToString() != text)
            throw new DeepForgeException(what, $"'{value}' is not a default value of type {type} for the {what}");
        return expression;
    }

    private static string? Number(string value, string suffix) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d.ToString("R", CultureInfo.InvariantCulture) + suffix
            : null;
}
