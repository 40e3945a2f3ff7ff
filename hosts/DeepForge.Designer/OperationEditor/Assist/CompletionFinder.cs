using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>
/// Finds what may be typed at a position from the semantic model: after a dot, the members of what is left of it
/// (a namespace's types, a type's static members, an expression's instance and extension members); elsewhere the
/// symbols in scope and the keywords. Overloads are folded into one entry.
/// </summary>
internal static class CompletionFinder
{
    public static IReadOnlyList<CompletionEntry> Find(SemanticModel model, int position)
    {
        var root = model.SyntaxTree.GetRoot();
        if (position == 0) return InScope(model, position, "");
        var token = TokenLeftOf(root, position);
        if (SyntaxPlaces.InCommentOrString(root, token, position)) return [];
        var typing = token.Span.End == position && SyntaxFacts.IsIdentifierStartCharacter(token.Text.FirstOrDefault()) ? token.Text : "";
        var before = typing.Length > 0 ? token.GetPreviousToken() : token;
        if (before.IsKind(SyntaxKind.DotToken)) return AfterDot(model, before, position);
        return InScope(model, position, typing);
    }

    /// <summary>The token that ends at or before <paramref name="position"/> (the one the cursor is at the end of, or in).</summary>
    public static SyntaxToken TokenLeftOf(SyntaxNode root, int position)
    {
        var token = root.FindToken(position);
        if (position <= token.SpanStart) token = token.GetPreviousToken();
        return token;
    }

    private static IReadOnlyList<CompletionEntry> AfterDot(SemanticModel model, SyntaxToken dot, int position)
    {
        var left = dot.Parent switch
        {
            MemberAccessExpressionSyntax access when access.OperatorToken == dot => access.Expression,
            QualifiedNameSyntax name when name.DotToken == dot => name.Left,
            MemberBindingExpressionSyntax binding => (binding.Parent?.Parent as ConditionalAccessExpressionSyntax)?.Expression
                                                     ?? binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
        if (left == null) return [];
        var symbols = MembersOf(model, left, position);
        return Entries(symbols.Where(s => s.CanBeReferencedByName), _ => "0");
    }

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, ExpressionSyntax left, int position)
    {
        // Bound on its own (speculatively, where it stands), the left side costs only itself: the ordinary way binds the
        // whole method body around it, which in a long Execute is most of a request's time. Bound as an expression, a
        // name also means the parameter or local in "context." followed by a statement on the next line, which parses as
        // a declaration of type "context.var".
        var info = model.GetSpeculativeSymbolInfo(left.SpanStart, left, SpeculativeBindingOption.BindAsExpression);
        // A namespace or type name is no value: bound as an expression it is only a candidate.
        var named = info.Symbol ?? (info.CandidateReason == CandidateReason.NotAValue ? info.CandidateSymbols.FirstOrDefault() : null);
        var type = model.GetSpeculativeTypeInfo(left.SpanStart, left, SpeculativeBindingOption.BindAsExpression).Type;
        if (named == null && type is null or { TypeKind: TypeKind.Error })
            (named, type) = (model.GetSymbolInfo(left).Symbol, model.GetTypeInfo(left).Type);
        if (named is INamespaceSymbol space)
            return space.GetMembers().Where(m => model.IsAccessible(position, m));
        if (named is ITypeSymbol staticType && left is TypeSyntax)
            return model.LookupStaticMembers(position, staticType);
        if (type == null || type.TypeKind == TypeKind.Error) return [];
        return model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { ReducedFrom: not null });
    }

    private static IReadOnlyList<CompletionEntry> InScope(SemanticModel model, int position, string typing)
    {
        // With a word begun, only what starts with its first letter: the full list of the framework's names is large,
        // and the editor filters further by itself as the word grows.
        bool Fits(string name) => typing.Length == 0 || name.StartsWith(typing[0].ToString(), StringComparison.OrdinalIgnoreCase);
        var symbols = model.LookupSymbols(position).Where(s => s.CanBeReferencedByName && Fits(s.Name));
        var entries = Entries(symbols, s => s switch
        {
            ILocalSymbol or IParameterSymbol or IRangeVariableSymbol => "0",
            INamespaceSymbol => "3",
            ITypeSymbol => "2",
            _ => "1",
        }).ToList();
        var names = entries.Select(e => e.Label).ToHashSet(StringComparer.Ordinal);
        entries.AddRange(Keywords.All.Where(k => Fits(k) && !names.Contains(k)).Select(k => new CompletionEntry(k, "Keyword", "keyword", null, "4" + k)));
        return entries;
    }

    // Doc summaries are read for lists short enough to read them quickly (a type's members), not for every name in scope.
    private const int DocumentedUpTo = 300;

    private static IReadOnlyList<CompletionEntry> Entries(IEnumerable<ISymbol> symbols, Func<ISymbol, string> group)
    {
        var groups = symbols.GroupBy(s => s.Name, StringComparer.Ordinal).ToList();
        var documented = groups.Count <= DocumentedUpTo;
        return groups
            .Select(g =>
            {
                var first = g.First();
                var others = g.Count() - 1;
                var detail = first.ToDisplayString(SymbolText.Member) + (others > 0 ? $" (+{others} overload{(others > 1 ? "s" : "")})" : "");
                return new CompletionEntry(g.Key, SymbolText.KindOf(first), detail, documented ? SymbolText.Summary(first) : null, group(first) + g.Key);
            })
            .OrderBy(e => e.SortText, StringComparer.Ordinal)
            .ToList();
    }
}
