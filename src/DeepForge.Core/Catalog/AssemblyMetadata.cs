using System.Reflection;
using System.Reflection.Metadata;

namespace DeepForge.Catalog;

/// <summary>
/// The metadata of a loaded assembly, read where the runtime already mapped it: no file is opened and no type is loaded, so a
/// process can look for one type among many without paying for all of them (a job process runs one operation).
/// </summary>
internal static class AssemblyMetadata
{
    /// <summary>The reader over the assembly's metadata, or null for an assembly that has none to give (dynamic ones). Valid while the assembly stays loaded.</summary>
    public static unsafe MetadataReader? Of(Assembly assembly)
    {
        if (assembly.IsDynamic || !assembly.TryGetRawMetadata(out var blob, out var length)) return null;
        return new MetadataReader(blob, length);
    }

    /// <summary>The type a definition of <paramref name="assembly"/> names, loaded now.</summary>
    public static Type Load(Assembly assembly, TypeDefinitionHandle handle) =>
        assembly.ManifestModule.ResolveType(System.Reflection.Metadata.Ecma335.MetadataTokens.GetToken(handle));

    /// <summary>Whether a referenced type comes from the framework, which references none of DeepForge's types and so implements none of its interfaces.</summary>
    public static bool IsFramework(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var scope = metadata.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => IsFramework(metadata, (TypeReferenceHandle)scope), // a nested type: its outer type's assembly
            HandleKind.AssemblyReference => IsFrameworkAssembly(metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)),
            _ => false,
        };
    }

    private static bool IsFrameworkAssembly(string name) =>
        name is "System" or "mscorlib" or "netstandard" || name.StartsWith("System.", StringComparison.Ordinal);
}
