using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DeepForge.Extensions;

/// <summary>Tells plugin assemblies (those referencing DeepForge.Core) from others without loading them, and finds their operations.</summary>
public static class PluginAssemblies
{
    /// <summary>The operation types of a loaded assembly, by the rule the engine's catalog reads them with (public, concrete, deriving from <see cref="Operations.Operation"/>).</summary>
    public static IEnumerable<Type> OperationTypes(Assembly assembly) => Catalog.ReflectionOperationReader.FindOperationTypes(assembly);

    /// <summary>Whether the file is a .NET assembly that references DeepForge.Core.</summary>
    public static bool ReferencesCore(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            if (!reader.HasMetadata) return false;
            var metadata = reader.GetMetadataReader();
            return metadata.AssemblyReferences.Any(h => metadata.GetString(metadata.GetAssemblyReference(h).Name) == "DeepForge.Core");
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
