using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// What Execute returns, taken apart: the Task/ValueTask around it (if any), the outputs (name and type as
/// written) and the <c>[return: Output(...)]</c> attribute that names them (if any).
/// </summary>
internal sealed record ExecuteReturn(TypeSyntax? Wrapper, IReadOnlyList<(string Name, TypeSyntax Type)> Outputs, AttributeSyntax? OutputAttribute)
{
    public static ExecuteReturn Of(MethodDeclarationSyntax execute)
    {
        var (wrapper, inner) = Unwrap(execute.ReturnType);
        var attribute = FindOutputAttribute(execute);
        var declared = attribute?.ArgumentList?.Arguments
            .Select(a => a.Expression is LiteralExpressionSyntax { Token.Value: string s } ? s : null).ToList() ?? [];
        var outputs = new List<(string, TypeSyntax)>();
        if (inner is TupleTypeSyntax tuple)
        {
            for (var i = 0; i < tuple.Elements.Count; i++)
            {
                var element = tuple.Elements[i];
                var name = declared.ElementAtOrDefault(i) ?? (element.Identifier.ValueText is { Length: > 0 } n ? n : $"Item{i + 1}");
                outputs.Add((name, element.Type));
            }
        }
        else if (inner != null)
        {
            outputs.Add((declared.ElementAtOrDefault(0) ?? "result", inner));
        }
        return new ExecuteReturn(wrapper, outputs, attribute);
    }

    /// <summary>The return type without Task/ValueTask: null for void, Task and ValueTask.</summary>
    private static (TypeSyntax? Wrapper, TypeSyntax? Inner) Unwrap(TypeSyntax type)
    {
        if (type is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword }) return (null, null);
        var name = CodeNames.SimpleName(type);
        if (name is not ("Task" or "ValueTask")) return (null, type);
        var generic = type switch
        {
            GenericNameSyntax g => g,
            QualifiedNameSyntax { Right: GenericNameSyntax g } => g,
            _ => null,
        };
        return generic is { TypeArgumentList.Arguments.Count: 1 } ? (type, generic.TypeArgumentList.Arguments[0]) : (type, null);
    }

    private static AttributeSyntax? FindOutputAttribute(MethodDeclarationSyntax execute) =>
        execute.AttributeLists.Where(l => l.Target?.Identifier.IsKind(SyntaxKind.ReturnKeyword) == true)
            .SelectMany(l => l.Attributes)
            .FirstOrDefault(a => CodeNames.SimpleName(a.Name) is "Output" or "OutputAttribute");
}
