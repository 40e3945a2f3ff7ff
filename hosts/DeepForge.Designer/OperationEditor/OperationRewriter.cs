using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// Edits an operation's C# source when its interface is edited in the diagram, with Roslyn syntax edits that
/// touch only the parameter lists, the return type and the return statements, so the rest of the file keeps
/// its formatting. Inputs are Execute's parameters, attributes and references the constructor's (the primary
/// constructor, which a class without any constructor gains). Bad names, types and defaults, and names already
/// taken, give a <see cref="DeepForgeException"/> saying what was wrong; the source is then left as it was.
/// </summary>
internal static class OperationRewriter
{
    private static readonly HashSet<string> ContextTypes = ["OperationContext", "CancellationToken"];

    public static string AddInput(string source, string className, string name, string type)
    {
        var (root, operation) = Find(source, className);
        name = CodeNames.CheckIdentifier(name, "input");
        var typeSyntax = CodeNames.ParseType(type, "input");
        var execute = Execute(operation);
        CheckFree(operation, execute, name, "input");
        var list = execute.ParameterList;
        var contextAt = list.Parameters.ToList().FindIndex(p => p.Type != null && ContextTypes.Contains(CodeNames.SimpleName(p.Type)));
        var index = ParameterLists.InsertionIndex(list.Parameters, optional: false, contextAt < 0 ? list.Parameters.Count : contextAt);
        var parameter = ParameterLists.Create(typeSyntax, name, null);
        return root.ReplaceNode(list, ParameterLists.Insert(list, index, parameter)).ToFullString();
    }

    public static string RemoveInput(string source, string className, string name)
    {
        var (root, operation) = Find(source, className);
        var list = Execute(operation).ParameterList;
        var index = IndexOf(list, name, "input");
        return root.ReplaceNode(list, ParameterLists.Remove(list, index)).ToFullString();
    }

    public static string AddOutput(string source, string className, string name, string type)
    {
        var (root, operation) = Find(source, className);
        name = CodeNames.CheckIdentifier(name, "output");
        var typeSyntax = CodeNames.ParseType(type, "output");
        var execute = Execute(operation);
        if (ExecuteReturn.Of(execute).Outputs.Any(o => o.Name == name))
            throw new DeepForgeException("output", $"the operation already has an output named '{name}'");
        return root.ReplaceNode(execute, OutputRewriter.Add(execute, name, typeSyntax)).ToFullString();
    }

    public static string RemoveOutput(string source, string className, string name)
    {
        var (root, operation) = Find(source, className);
        var execute = Execute(operation);
        var index = ExecuteReturn.Of(execute).Outputs.ToList().FindIndex(o => o.Name == name);
        if (index < 0) throw new DeepForgeException($"output '{name}'", $"the operation has no output named '{name}'");
        return root.ReplaceNode(execute, OutputRewriter.Remove(execute, index)).ToFullString();
    }

    public static string AddAttribute(string source, string className, string name, string type, string? defaultValue)
    {
        var (root, operation) = Find(source, className);
        name = CodeNames.CheckIdentifier(name, "attribute");
        var typeSyntax = CodeNames.ParseType(type, "attribute");
        var value = DefaultLiterals.Build(typeSyntax, defaultValue, $"attribute '{name}'");
        return AddConstructorParameter(root, operation, ParameterLists.Create(typeSyntax, name, value), "attribute");
    }

    public static string AddReference(string source, string className, string name, string type = "Architecture")
    {
        var (root, operation) = Find(source, className);
        name = CodeNames.CheckIdentifier(name, "reference");
        var typeSyntax = CodeNames.ParseType(type, "reference");
        return AddConstructorParameter(root, operation, ParameterLists.Create(typeSyntax, name, null), "reference");
    }

    public static string RemoveAttribute(string source, string className, string name) => RemoveConstructorParameter(source, className, name, "attribute");

    public static string RemoveReference(string source, string className, string name) => RemoveConstructorParameter(source, className, name, "reference");

    private static string AddConstructorParameter(SyntaxNode root, ClassDeclarationSyntax operation, ParameterSyntax parameter, string what)
    {
        CheckFree(operation, Execute(operation, required: false), parameter.Identifier.ValueText, what);
        var list = Constructor(operation);
        if (list == null)
        {
            // No constructor at all: the class gains a primary constructor, written right after its name.
            var declared = SyntaxFactory.ParameterList(SyntaxFactory.SingletonSeparatedList(parameter));
            var named = operation.TypeParameterList != null ? operation : operation.WithIdentifier(operation.Identifier.WithTrailingTrivia());
            declared = declared.WithTrailingTrivia(operation.TypeParameterList?.GetTrailingTrivia() ?? operation.Identifier.TrailingTrivia);
            return root.ReplaceNode(operation, named.WithParameterList(declared)).ToFullString();
        }
        var index = ParameterLists.InsertionIndex(list.Parameters, parameter.Default != null, list.Parameters.Count);
        return root.ReplaceNode(list, ParameterLists.Insert(list, index, parameter)).ToFullString();
    }

    private static string RemoveConstructorParameter(string source, string className, string name, string what)
    {
        var (root, operation) = Find(source, className);
        var list = Constructor(operation) ?? throw new DeepForgeException($"{what} '{name}'", $"the operation has no constructor, so no {what} '{name}'");
        var index = IndexOf(list, name, what);
        return root.ReplaceNode(list, ParameterLists.Remove(list, index)).ToFullString();
    }

    /// <summary>The primary constructor's parameters, else the public constructor with the most (as the reader picks), else null.</summary>
    private static ParameterListSyntax? Constructor(ClassDeclarationSyntax operation) =>
        operation.ParameterList
        ?? operation.Members.OfType<ConstructorDeclarationSyntax>()
            .Where(c => c.Modifiers.Any(SyntaxKind.PublicKeyword) && !c.Modifiers.Any(SyntaxKind.StaticKeyword))
            .OrderByDescending(c => c.ParameterList.Parameters.Count).FirstOrDefault()?.ParameterList;

    private static (SyntaxNode Root, ClassDeclarationSyntax Operation) Find(string source, string className)
    {
        var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();
        var operation = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.ValueText == className)
            ?? throw new DeepForgeException($"class '{className}'", $"the code has no class '{className}'; fix the class name in the code first");
        return (root, operation);
    }

    private static MethodDeclarationSyntax Execute(ClassDeclarationSyntax operation) => Execute(operation, required: true)!;

    private static MethodDeclarationSyntax? Execute(ClassDeclarationSyntax operation, bool required) =>
        operation.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m =>
            m.Identifier.ValueText is "Execute" or "ExecuteAsync" && m.Modifiers.Any(SyntaxKind.PublicKeyword) && !m.Modifiers.Any(SyntaxKind.StaticKeyword))
        ?? (required ? throw new DeepForgeException($"class '{operation.Identifier.ValueText}'", "the operation has no public Execute method; write one in the code first") : null);

    private static int IndexOf(ParameterListSyntax list, string name, string what)
    {
        var index = list.Parameters.ToList().FindIndex(p => p.Identifier.ValueText == name);
        return index >= 0 ? index : throw new DeepForgeException($"{what} '{name}'", $"the operation has no {what} named '{name}'");
    }

    /// <summary>Refuses a name an input, attribute or reference already has: one would hide the other in Execute.</summary>
    private static void CheckFree(ClassDeclarationSyntax operation, MethodDeclarationSyntax? execute, string name, string what)
    {
        var taken = (Constructor(operation)?.Parameters ?? default).Select(p => p.Identifier.ValueText)
            .Concat((execute?.ParameterList.Parameters ?? default).Select(p => p.Identifier.ValueText));
        if (taken.Contains(name))
            throw new DeepForgeException(what, $"the name '{name}' is taken: the operation already has an input, attribute or reference called '{name}'");
    }
}
