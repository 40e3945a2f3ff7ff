using DeepForge.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Compilation.Roslyn;

/// <summary>
/// Finds, with Roslyn's semantic model, the code each project operation depends on: its own declaration and the
/// project types it references, transitively (helpers, custom layers, data types, base classes), plus the libraries
/// those reach. Editing anything outside that set leaves the operation's cached outputs valid.
/// </summary>
internal static class OperationCodeReader
{
    private const string OperationBase = "DeepForge.Operations.Operation";

    /// <summary>Operation type (CLR full name) to the code it depends on.</summary>
    public static Dictionary<string, OperationCode> Read(CSharpCompilation compilation)
    {
        var result = new Dictionary<string, OperationCode>(StringComparer.Ordinal);
        if (compilation.GetTypeByMetadataName(OperationBase) is not { } operationBase) return result;
        var walk = new DependencyWalk(compilation);
        foreach (var type in SourceTypes(compilation).Where(t => IsOperation(t, operationBase)))
        {
            var (types, assemblies) = walk.From(type);
            var own = DeclarationHasher.HashByFile(Declarations(type));
            var used = DeclarationHasher.HashByFile(types.Where(t => !SymbolEqualityComparer.Default.Equals(t, type)).SelectMany(Declarations));
            result[ClrName(type)] = new OperationCode
            {
                OwnFiles = own,
                UsedFiles = used.Where(f => !own.ContainsKey(f.Key)).ToDictionary(StringComparer.Ordinal),
                Assemblies = assemblies,
            };
        }
        return result;
    }

    private static IEnumerable<INamedTypeSymbol> SourceTypes(CSharpCompilation compilation) =>
        compilation.SyntaxTrees.SelectMany(tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            return tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
                .Select(d => model.GetDeclaredSymbol(d)).OfType<INamedTypeSymbol>();
        }).Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default);

    private static bool IsOperation(INamedTypeSymbol type, INamedTypeSymbol operationBase)
    {
        if (type.IsAbstract || type.DeclaredAccessibility != Accessibility.Public) return false;
        for (var b = type.BaseType; b != null; b = b.BaseType)
            if (SymbolEqualityComparer.Default.Equals(b, operationBase)) return true;
        return false;
    }

    private static IEnumerable<SyntaxNode> Declarations(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Select(r => r.GetSyntax());

    /// <summary>The name reflection gives the loaded type (<see cref="Type.FullName"/>), so the catalog can find it.</summary>
    public static string ClrName(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer) return $"{ClrName(outer)}+{type.MetadataName}";
        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? $"{ns.ToDisplayString()}.{type.MetadataName}" : type.MetadataName;
    }
}
