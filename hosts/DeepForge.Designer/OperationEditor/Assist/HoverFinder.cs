using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>Finds the symbol a name at a position stands for (a use or a declaration) and describes it.</summary>
internal static class HoverFinder
{
    public static HoverEntry? Find(SemanticModel model, int position)
    {
        var root = model.SyntaxTree.GetRoot();
        var token = root.FindToken(position);
        if (!token.Span.Contains(position) && token.Span.End != position) return null;
        if (!token.IsKind(SyntaxKind.IdentifierToken) && !SyntaxFacts.IsPredefinedType(token.Kind())) return null;
        var symbol = SymbolAt(model, token);
        if (symbol == null) return null;
        return new HoverEntry(symbol.ToDisplayString(SymbolText.Hover), SymbolText.Summary(symbol), token.SpanStart, token.Span.End);
    }

    private static ISymbol? SymbolAt(SemanticModel model, SyntaxToken token)
    {
        var node = token.Parent;
        if (node == null) return null;
        var info = model.GetSymbolInfo(node);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
        // A constructor call names its type: show the type, as the name under the pointer is the type's.
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor && node is not ConstructorDeclarationSyntax)
            return constructor.ContainingType;
        if (symbol != null) return symbol;
        var type = model.GetTypeInfo(node).Type;
        return type is { TypeKind: not TypeKind.Error } ? type : null;
    }
}
