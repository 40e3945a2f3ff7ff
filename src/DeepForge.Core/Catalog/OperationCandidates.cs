using System.Reflection;
using System.Reflection.Metadata;
using System.Text;

namespace DeepForge.Catalog;

/// <summary>
/// The types of an assembly that may be the operation of a given name, found in its metadata without loading any type: public,
/// concrete, top-level classes whose name is that name or one of whose attributes holds it (an <c>[Operation(Name = ...)]</c>).
/// A superset: the catalog loads each and reads it by reflection, keeping only a real operation of that name.
/// </summary>
internal static class OperationCandidates
{
    /// <summary>The candidates, last defined first (the catalog's later definitions win); null when the assembly has no metadata to read.</summary>
    public static IReadOnlyList<TypeDefinitionHandle>? Named(Assembly assembly, string name)
    {
        if (AssemblyMetadata.Of(assembly) is not { } metadata) return null;
        var utf8 = Encoding.UTF8.GetBytes(name);
        var found = new List<TypeDefinitionHandle>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            // Interfaces and static classes are abstract; nested types are never public in reflection's sense (IsPublic).
            if ((type.Attributes & (TypeAttributes.VisibilityMask | TypeAttributes.Abstract)) != TypeAttributes.Public) continue;
            if (metadata.StringComparer.Equals(type.Name, name) || AnAttributeHolds(metadata, type, utf8)) found.Add(handle);
        }
        found.Reverse();
        return found;
    }

    // The raw bytes of every attribute's arguments: a string argument is stored as its UTF-8 bytes, so a name given in one is found here.
    private static bool AnAttributeHolds(MetadataReader metadata, TypeDefinition type, byte[] utf8)
    {
        foreach (var handle in type.GetCustomAttributes())
        {
            var value = metadata.GetCustomAttribute(handle).Value;
            if (!value.IsNil && metadata.GetBlobReader(value) is var blob && AsSpan(blob).IndexOf(utf8) >= 0) return true;
        }
        return false;
    }

    private static unsafe ReadOnlySpan<byte> AsSpan(BlobReader blob) => new(blob.StartPointer, blob.Length);
}
