// Counts the public types (nested public ones inside public ones included) of DeepForge's libraries, the figures
// docs/architecture.md gives for each. Build them first (Release), then, from the repository's root:
//   dotnet run tools/public-types.cs -- Core Dispatch Runner.Protocol Client
// It reads metadata only (System.Reflection.Metadata): it loads nothing and needs no references.
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

foreach (var library in args)
{
    var name = $"DeepForge.{library}";
    var bin = Path.Combine("src", name, "bin", "Release");
    var path = Directory.Exists(bin)
        ? Directory.EnumerateFiles(bin, name + ".dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
        : null;
    if (path == null)
    {
        Console.WriteLine($"{name}: not built; build src/{name} in Release first");
        continue;
    }
    using var pe = new PEReader(File.OpenRead(path));
    var metadata = pe.GetMetadataReader();
    Console.WriteLine($"{name} {metadata.TypeDefinitions.Select(metadata.GetTypeDefinition).Count(t => IsPublic(metadata, t))}");
}

static bool IsPublic(MetadataReader metadata, TypeDefinition type) => (type.Attributes & TypeAttributes.VisibilityMask) switch
{
    TypeAttributes.Public => true,
    TypeAttributes.NestedPublic => IsPublic(metadata, metadata.GetTypeDefinition(type.GetDeclaringType())),
    _ => false,
};
