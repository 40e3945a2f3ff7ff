using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepForge.Compilation.Roslyn;

/// <summary>
/// Walks from a project type to every project type its declarations reference (by the semantic model), transitively,
/// and collects the assemblies outside the project and the .NET runtime that they reference. What each type
/// references directly is computed once per walk object, so walking from every operation costs one pass per type.
/// </summary>
internal sealed class DependencyWalk(CSharpCompilation compilation)
{
    // The contract every operation derives from: its changes are DeepForge's, not the operation's.
    private const string CoreAssembly = "DeepForge.Core";
    private static readonly string RuntimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    private readonly Dictionary<INamedTypeSymbol, (HashSet<INamedTypeSymbol> Types, HashSet<IAssemblySymbol> Assemblies)> _direct =
        new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = new();

    /// <summary>The project types reachable from <paramref name="start"/> (itself included) and the assemblies they use, name to module version id.</summary>
    public (IReadOnlyList<INamedTypeSymbol> Types, Dictionary<string, string> Assemblies) From(INamedTypeSymbol start)
    {
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { start };
        var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        var queue = new Queue<INamedTypeSymbol>([start]);
        while (queue.TryDequeue(out var type))
        {
            var (types, used) = Direct(type);
            assemblies.UnionWith(used);
            foreach (var next in types.Where(seen.Add)) queue.Enqueue(next);
        }
        var identities = assemblies.Select(a => (a.Name, Id: Identity(a))).Where(a => a.Id != null)
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToDictionary(a => a.Name, a => a.Id!, StringComparer.Ordinal);
        return (seen.ToList(), identities);
    }

    private (HashSet<INamedTypeSymbol> Types, HashSet<IAssemblySymbol> Assemblies) Direct(INamedTypeSymbol type)
    {
        if (_direct.TryGetValue(type, out var known)) return known;
        var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        foreach (var symbol in Referenced(type)) Classify(symbol, types, assemblies);
        return _direct[type] = (types, assemblies);
    }

    /// <summary>Every symbol a type's declarations name or bind to, plus its base type and interfaces.</summary>
    private IEnumerable<ISymbol> Referenced(INamedTypeSymbol type)
    {
        if (type.BaseType != null) yield return type.BaseType;
        foreach (var face in type.AllInterfaces) yield return face;
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            var model = Model(declaration.SyntaxTree);
            foreach (var node in declaration.DescendantNodes())
            {
                var info = model.GetSymbolInfo(node);
                if (info.Symbol != null) yield return info.Symbol;
                foreach (var candidate in info.CandidateSymbols) yield return candidate;
                // Inferred types (var, lambdas, target-typed new) name no type in the text but still depend on it.
                if (model.GetTypeInfo(node).Type is { } inferred) yield return inferred;
            }
        }
    }

    private void Classify(ISymbol symbol, HashSet<INamedTypeSymbol> types, HashSet<IAssemblySymbol> assemblies)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } extension }) symbol = extension;
        foreach (var named in NamedTypesOf(symbol))
        {
            var top = named.OriginalDefinition;
            while (top.ContainingType != null) top = top.ContainingType.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(top.ContainingAssembly, compilation.Assembly)) types.Add(top);
            else if (top.ContainingAssembly != null) assemblies.Add(top.ContainingAssembly);
        }
    }

    /// <summary>The named types a symbol belongs to or is built from (element types, type arguments).</summary>
    private static IEnumerable<INamedTypeSymbol> NamedTypesOf(ISymbol symbol)
    {
        switch (symbol)
        {
            case INamedTypeSymbol named:
                yield return named;
                foreach (var argument in named.TypeArguments.SelectMany(NamedTypesOf)) yield return argument;
                break;
            case IArrayTypeSymbol array:
                foreach (var element in NamedTypesOf(array.ElementType)) yield return element;
                break;
            case IPointerTypeSymbol pointer:
                foreach (var element in NamedTypesOf(pointer.PointedAtType)) yield return element;
                break;
            case ITypeParameterSymbol:
            case INamespaceSymbol:
                break;
            default:
                if (symbol.ContainingType != null) yield return symbol.ContainingType;
                break;
        }
    }

    private SemanticModel Model(SyntaxTree tree) =>
        _models.TryGetValue(tree, out var model) ? model : _models[tree] = compilation.GetSemanticModel(tree);

    /// <summary>The assembly's module version id; null for the .NET runtime and DeepForge.Core, which are the platform, not the operation's code.</summary>
    private string? Identity(IAssemblySymbol assembly)
    {
        if (assembly.Name == CoreAssembly) return null;
        if (compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path }
            && Path.GetDirectoryName(path) == RuntimeDirectory) return null;
        return assembly.Modules.FirstOrDefault()?.GetMetadata()?.GetModuleVersionId().ToString("n") ?? assembly.Identity.ToString();
    }
}
