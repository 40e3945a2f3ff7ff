using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// Changes what Execute returns when an output is added or removed: the return type (one output is a type
/// named by <c>[return: Output("name")]</c>, several are a named tuple, none is void or Task), and the return
/// statements, so code that compiled still compiles: a new output returns <c>default!</c> until the code fills it.
/// </summary>
internal static class OutputRewriter
{
    public static MethodDeclarationSyntax Add(MethodDeclarationSyntax execute, string name, TypeSyntax type)
    {
        var current = ExecuteReturn.Of(execute);
        var outputs = current.Outputs.Append((name, type)).ToList();
        var rewritten = ReturnStatements.Rewrite(execute, current.Outputs.Count, added: true, index: outputs.Count - 1);
        return WithOutputs(rewritten, current, outputs);
    }

    public static MethodDeclarationSyntax Remove(MethodDeclarationSyntax execute, int index)
    {
        var current = ExecuteReturn.Of(execute);
        var outputs = current.Outputs.Where((_, i) => i != index).ToList();
        var rewritten = ReturnStatements.Rewrite(execute, current.Outputs.Count, added: false, index);
        return WithOutputs(rewritten, current, outputs);
    }

    private static MethodDeclarationSyntax WithOutputs(MethodDeclarationSyntax execute, ExecuteReturn current, List<(string Name, TypeSyntax Type)> outputs)
    {
        var old = execute.ReturnType;
        var inner = outputs.Count switch
        {
            0 => null,
            1 => outputs[0].Type.WithoutTrivia(),
            _ => SyntaxFactory.TupleType(SyntaxFactory.SeparatedList(
                outputs.Select(o => SyntaxFactory.TupleElement(o.Type.WithoutTrivia().WithTrailingTrivia(SyntaxFactory.Space), SyntaxFactory.Identifier(o.Name))),
                Enumerable.Repeat(CommaSpace(), outputs.Count - 1))),
        };
        var type = Wrap(current.Wrapper, inner).WithTriviaFrom(old);
        var method = execute.WithReturnType(type);
        // One output keeps (or gains) the attribute that names it; none or a named tuple need none.
        var names = outputs.Count == 1 ? new[] { outputs[0].Name } : null;
        return OutputAttributes.Set(method, names);
    }

    private static TypeSyntax Wrap(TypeSyntax? wrapper, TypeSyntax? inner)
    {
        if (wrapper == null) return inner ?? SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.VoidKeyword));
        var name = CodeNames.SimpleName(wrapper);
        TypeSyntax simple = inner == null
            ? SyntaxFactory.IdentifierName(name)
            : SyntaxFactory.GenericName(SyntaxFactory.Identifier(name), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(inner)));
        return wrapper is QualifiedNameSyntax qualified ? qualified.WithRight((SimpleNameSyntax)simple) : simple;
    }

    internal static SyntaxToken CommaSpace() => SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
}
