using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// Inserts into and removes from a parameter list the way a person would: the new parameter follows the
/// separators already written (", " or one per line), and the rest of the list keeps its layout and comments.
/// </summary>
internal static class ParameterLists
{
    /// <summary>A parameter <c>type name</c> or <c>type name = value</c>, with single spaces.</summary>
    public static ParameterSyntax Create(TypeSyntax type, string name, ExpressionSyntax? defaultValue)
    {
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
            .WithType(type.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space));
        return defaultValue == null ? parameter : parameter.WithDefault(SyntaxFactory.EqualsValueClause(
            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
            defaultValue.WithoutTrivia()));
    }

    /// <summary>
    /// Where a new parameter goes: one with a default at the end, one without before the first that has one
    /// (C# wants optional parameters last); never after <paramref name="before"/>, the first parameter that must stay last.
    /// </summary>
    public static int InsertionIndex(SeparatedSyntaxList<ParameterSyntax> parameters, bool optional, int before)
    {
        if (optional) return before;
        var firstOptional = parameters.Take(before).ToList().FindIndex(p => p.Default != null);
        return firstOptional < 0 ? before : firstOptional;
    }

    public static ParameterListSyntax Insert(ParameterListSyntax list, int index, ParameterSyntax parameter)
    {
        var nodes = list.Parameters.ToList();
        var separators = list.Parameters.GetSeparators().ToList();
        var style = separators.Count > 0 ? separators[0] : CommaSpace();
        var onOwnLines = style.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (nodes.Count == 0)
        {
            nodes.Add(parameter);
        }
        else if (index == 0)
        {
            // The new first parameter takes the old one's place (and its indentation); the old one moves right.
            var first = nodes[0];
            nodes[0] = onOwnLines ? first : first.WithLeadingTrivia();
            nodes.Insert(0, parameter.WithLeadingTrivia(first.GetLeadingTrivia()));
            separators.Insert(0, style);
        }
        else
        {
            // After the parameter before it, so the separator already written after that one stays where it was.
            var previous = nodes[index - 1];
            nodes.Insert(index, onOwnLines ? parameter.WithLeadingTrivia(previous.GetLeadingTrivia()) : parameter);
            separators.Insert(index - 1, style);
        }
        return list.WithParameters(SyntaxFactory.SeparatedList(nodes, separators));
    }

    public static ParameterListSyntax Remove(ParameterListSyntax list, int index)
    {
        var nodes = list.Parameters.ToList();
        var separators = list.Parameters.GetSeparators().ToList();
        var removed = nodes[index];
        nodes.RemoveAt(index);
        if (separators.Count > 0)
        {
            // The separator before it goes (the one after it keeps the line break that follows, if any);
            // the first parameter's separator goes with it and the next one takes its indentation.
            separators.RemoveAt(index == 0 ? 0 : index - 1);
            if (index == 0) nodes[0] = nodes[0].WithLeadingTrivia(removed.GetLeadingTrivia());
        }
        return list.WithParameters(SyntaxFactory.SeparatedList(nodes, separators));
    }

    private static SyntaxToken CommaSpace() => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
}
