using System.Reflection;
using System.Runtime.Loader;

namespace DeepForge.Extensions;

/// <summary>
/// Loads an extension's assemblies only to look at them, and lets them go after: collectible, and from
/// streams, so they have no file location. Project code compiles against every assembly loaded from a file
/// (DeepForge.Compilation.MetadataReferences), and listing an extension must not add it there, nor keep its
/// files in use. DeepForge, TorchSharp and everything else the host has come from the host, as when the
/// engine loads the extension.
/// </summary>
internal sealed class InspectionLoadContext(string folder) : AssemblyLoadContext($"inspect {folder}", isCollectible: true)
{
    public Assembly LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return LoadFromStream(stream);
    }

    protected override Assembly? Load(AssemblyName name)
    {
        try
        {
            // What the host has comes from the host, so types are shared.
            return Default.LoadFromAssemblyName(name);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException)
        {
            var path = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(path) ? LoadFile(path) : null;
        }
    }
}
