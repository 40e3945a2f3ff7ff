using System.Reflection;
using System.Runtime.CompilerServices;

namespace DeepForge.Torch.Layers;

/// <summary>The custom layers of one assembly, read once; a weak table lets collectible project assemblies unload.</summary>
internal sealed class AssemblyLayers
{
    private static readonly ConditionalWeakTable<Assembly, AssemblyLayers> Cache = new();

    private AssemblyLayers(Assembly assembly)
    {
        foreach (var type in LoadableTypes(assembly).Where(CustomLayerReader.IsCandidate))
        {
            var (layer, reason) = CustomLayerReader.Read(type);
            if (layer != null) Types.Add(layer);
            else Rejected[type.Name] = reason!;
        }
    }

    public List<LayerType> Types { get; } = [];

    public Dictionary<string, string> Rejected { get; } = new(StringComparer.Ordinal);

    public static AssemblyLayers Of(Assembly assembly) => Cache.GetValue(assembly, a => new AssemblyLayers(a));

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
