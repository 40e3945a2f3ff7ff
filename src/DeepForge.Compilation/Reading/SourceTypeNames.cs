using DeepForge.Catalog;
using Microsoft.CodeAnalysis;

namespace DeepForge.Compilation.Reading;

/// <summary>
/// Names Roslyn type symbols the way reflection names the compiled types (see <see cref="DataTypeNames"/>):
/// the CLR full name (<c>System.String[]</c>, <c>Outer+Inner</c>, generic arguments assembly-qualified)
/// and the short name shown to people.
/// </summary>
internal static class SourceTypeNames
{
    /// <summary>What <c>Type.FullName</c> (or <c>Type.Name</c> when that is null) gives for the compiled type.</summary>
    public static string FullName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => FullName(array.ElementType) + ArraySuffix(array),
        INamedTypeSymbol { TypeKind: not TypeKind.Error } named => NamedFullName(named),
        _ => type.Name.Length > 0 ? type.Name : type.ToDisplayString(),
    };

    /// <summary>What <c>Type.Name</c> gives: <c>String[]</c>, <c>List`1</c>.</summary>
    public static string Name(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => Name(array.ElementType) + ArraySuffix(array),
        _ => type.MetadataName.Length > 0 ? type.MetadataName : type.ToDisplayString(),
    };

    /// <summary>What <see cref="DataTypeNames.Display"/> gives for the compiled type: <c>ImageDataset</c>, <c>List&lt;int&gt;</c>, <c>int[]</c>.</summary>
    public static string Display(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array) return Display(array.ElementType) + "[]";
        if (type is not INamedTypeSymbol { TypeKind: not TypeKind.Error } named) return Name(type);
        // Framework primitives (int, string, ...) take whatever short name DataTypeNames gives the runtime type.
        if (named is { SpecialType: not SpecialType.None, IsGenericType: false } && Type.GetType(FullName(named)) is { } runtime)
            return DataTypeNames.Display(runtime);
        var arguments = AllTypeArguments(Underlying(named));
        if (arguments.Count == 0) return named.MetadataName;
        return $"{Underlying(named).Name}<{string.Join(", ", arguments.Select(Display))}>";
    }

    /// <summary>Whether the type is the named one, by namespace-qualified metadata name (<c>System.Threading.Tasks.Task`1</c> for any Task&lt;T&gt;).</summary>
    public static bool Is(ITypeSymbol? type, string definitionName) =>
        type is INamedTypeSymbol named && DefinitionName(named.OriginalDefinition) == definitionName;

    /// <summary>The generic definition's full name: <c>System.Collections.Generic.List`1</c>, <c>Outer+Inner</c>.</summary>
    public static string DefinitionName(INamedTypeSymbol type)
    {
        type = Underlying(type);
        if (type.ContainingType is { } outer) return DefinitionName(outer) + "+" + type.MetadataName;
        var space = type.ContainingNamespace;
        return space is null || space.IsGlobalNamespace ? type.MetadataName : $"{space.ToDisplayString()}.{type.MetadataName}";
    }

    private static string NamedFullName(INamedTypeSymbol type)
    {
        type = Underlying(type);
        var definition = DefinitionName(type);
        var arguments = AllTypeArguments(type);
        if (arguments.Count == 0 || SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition)) return definition;
        // Reflection has no full name for a type with open generic arguments, and falls back to the short name.
        if (arguments.Any(ContainsTypeParameter)) return type.MetadataName;
        return $"{definition}[{string.Join(",", arguments.Select(a => $"[{FullName(a)}, {AssemblyName(a)}]"))}]";
    }

    private static INamedTypeSymbol Underlying(INamedTypeSymbol type) => type.TupleUnderlyingType ?? type;

    /// <summary>Generic arguments of the containing types first, then the type's own, as reflection lists them.</summary>
    private static List<ITypeSymbol> AllTypeArguments(INamedTypeSymbol type)
    {
        var arguments = new List<ITypeSymbol>();
        for (var current = type; current != null; current = current.ContainingType)
            arguments.InsertRange(0, Underlying(current).TypeArguments);
        return arguments;
    }

    private static bool ContainsTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => ContainsTypeParameter(array.ElementType),
        INamedTypeSymbol named => AllTypeArguments(named).Any(ContainsTypeParameter),
        _ => false,
    };

    private static string AssemblyName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => AssemblyName(array.ElementType),
        _ => type.ContainingAssembly?.Identity.GetDisplayName() ?? "",
    };

    private static string ArraySuffix(IArrayTypeSymbol array) =>
        array.IsSZArray ? "[]" : array.Rank == 1 ? "[*]" : $"[{new string(',', array.Rank - 1)}]";
}
