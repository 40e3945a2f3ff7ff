using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>
/// Signature help: the innermost call (method or constructor) whose argument list holds the position, its overloads,
/// the one the compiler picked (else the first that takes that many arguments) and the argument being typed.
/// </summary>
internal static class SignatureFinder
{
    public static SignatureHelp? Find(SemanticModel model, int position)
    {
        var root = model.SyntaxTree.GetRoot();
        var token = CompletionFinder.TokenLeftOf(root, position);
        if (SyntaxPlaces.InCommentOrString(root, token, position)) return null;
        var arguments = token.Parent?.AncestorsAndSelf().OfType<ArgumentListSyntax>().FirstOrDefault(a => Holds(a, position));
        if (arguments?.Parent is not { } call) return null;
        var (methods, chosen) = Overloads(model, call);
        if (methods.Count == 0) return null;
        var active = arguments.Arguments.GetSeparators().Count(s => s.SpanStart < position);
        var index = chosen == null ? -1 : methods.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, chosen));
        if (index < 0) index = Math.Max(0, methods.FindIndex(m => m.Parameters.Length > active || m.Parameters.Any(p => p.IsParams)));
        return new SignatureHelp(methods.Select(Describe).ToList(), index, active);
    }

    private static bool Holds(ArgumentListSyntax arguments, int position) =>
        position > arguments.OpenParenToken.SpanStart && (arguments.CloseParenToken.IsMissing || position <= arguments.CloseParenToken.SpanStart);

    private static (List<IMethodSymbol> Methods, ISymbol? Chosen) Overloads(SemanticModel model, SyntaxNode call)
    {
        var info = model.GetSymbolInfo(call);
        var chosen = info.Symbol;
        var methods = call switch
        {
            InvocationExpressionSyntax invocation => model.GetMemberGroup(invocation.Expression).OfType<IMethodSymbol>(),
            BaseObjectCreationExpressionSyntax creation => (model.GetTypeInfo(creation).Type as INamedTypeSymbol)?.InstanceConstructors
                .Where(c => model.IsAccessible(call.SpanStart, c)) ?? [],
            _ => [],
        };
        return (methods.ToList(), chosen);
    }

    private static SignatureEntry Describe(IMethodSymbol method)
    {
        var label = new StringBuilder();
        label.Append(method.MethodKind == MethodKind.Constructor
            ? method.ContainingType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)
            : $"{method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)} {method.Name}");
        label.Append('(');
        var parameters = new List<ParameterEntry>();
        foreach (var parameter in method.Parameters)
        {
            if (parameters.Count > 0) label.Append(", ");
            var start = label.Length;
            label.Append(parameter.ToDisplayString(SymbolText.Parameter));
            parameters.Add(new ParameterEntry(start, label.Length, SymbolText.ParameterDoc(method, parameter.Name)));
        }
        label.Append(')');
        return new SignatureEntry(label.ToString(), SymbolText.Summary(method), parameters);
    }
}
