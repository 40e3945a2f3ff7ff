using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>Sets or removes Execute's <c>[return: Output(...)]</c>, on its own line above the method as people write it.</summary>
internal static class OutputAttributes
{
    /// <summary>With <paramref name="names"/> null the attribute goes; otherwise it names exactly those outputs.</summary>
    public static MethodDeclarationSyntax Set(MethodDeclarationSyntax method, IReadOnlyList<string>? names)
    {
        var existing = method.AttributeLists.SelectMany(l => l.Attributes).FirstOrDefault(a =>
            a.Parent is AttributeListSyntax { Target.Identifier.RawKind: (int)SyntaxKind.ReturnKeyword }
            && CodeNames.SimpleName(a.Name) is "Output" or "OutputAttribute");
        if (names == null) return existing == null ? method : Remove(method, existing);
        var arguments = Arguments(names);
        if (existing != null) return method.ReplaceNode(existing, existing.WithArgumentList(arguments));
        return Add(method, SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Output"), arguments));
    }

    private static AttributeArgumentListSyntax Arguments(IReadOnlyList<string> names) =>
        SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(
            names.Select(n => SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(n)))),
            Enumerable.Repeat(OutputRewriter.CommaSpace(), Math.Max(0, names.Count - 1))));

    private static MethodDeclarationSyntax Remove(MethodDeclarationSyntax method, AttributeSyntax attribute)
    {
        var list = (AttributeListSyntax)attribute.Parent!;
        if (list.Attributes.Count > 1)
            return method.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(attribute)));
        // The whole line goes; what stood before it (comments, indentation) now leads the next token.
        var leading = list.GetLeadingTrivia();
        var index = method.AttributeLists.IndexOf(list);
        var without = method.WithAttributeLists(method.AttributeLists.RemoveAt(index));
        var next = index < without.AttributeLists.Count ? without.AttributeLists[index].GetFirstToken()
            : without.Modifiers.Count > 0 ? without.Modifiers[0] : without.ReturnType.GetFirstToken();
        return without.ReplaceToken(next, next.WithLeadingTrivia(leading));
    }

    private static MethodDeclarationSyntax Add(MethodDeclarationSyntax method, AttributeSyntax attribute)
    {
        var first = method.GetFirstToken();
        var indentation = ReturnStatements.Indentation(first.LeadingTrivia);
        var newline = method.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol != default
            ? eol : SyntaxFactory.LineFeed;
        var target = SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.ReturnKeyword), SyntaxFactory.Token(SyntaxKind.ColonToken).WithTrailingTrivia(SyntaxFactory.Space));
        var list = SyntaxFactory.AttributeList(target, SyntaxFactory.SingletonSeparatedList(attribute)).WithTrailingTrivia(newline);
        if (method.AttributeLists.Count > 0)
            return method.WithAttributeLists(method.AttributeLists.Add(list.WithLeadingTrivia(indentation)));
        // The new line takes the method's leading trivia (its doc comment and indentation); the method keeps the indentation.
        var withoutLeading = method.ReplaceToken(first, first.WithLeadingTrivia(indentation));
        return withoutLeading.WithAttributeLists(SyntaxFactory.SingletonList(list.WithLeadingTrivia(first.LeadingTrivia)));
    }
}
