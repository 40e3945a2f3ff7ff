using System.Reflection;

namespace DeepForge.Torch.Layers;

/// <summary>The layer types an architecture may use: TorchSharp's built-in layers plus the custom layer classes of some assemblies.</summary>
public sealed class LayerCatalog
{
    private readonly Dictionary<string, LayerType> _byName;

    private LayerCatalog(IEnumerable<LayerType> types, IReadOnlyDictionary<string, string> rejected)
    {
        _byName = new Dictionary<string, LayerType>(StringComparer.Ordinal);
        foreach (var type in types) _byName[type.Name] = type;
        Types = _byName.Values.ToList();
        Rejected = rejected;
    }

    /// <summary>The built-in layers only.</summary>
    public static LayerCatalog BuiltIn { get; } = new(BuiltInLayers.All, new Dictionary<string, string>());

    /// <summary>Every layer type, built-in first.</summary>
    public IReadOnlyList<LayerType> Types { get; }

    /// <summary>Classes of the given assemblies that look like custom layers but cannot be used, by class name, with the reason.</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; }

    /// <summary>The built-in layers plus the custom layers found in <paramref name="assemblies"/>; when two assemblies define a layer of the same name, the later one wins.</summary>
    public static LayerCatalog For(IEnumerable<Assembly> assemblies)
    {
        var custom = new Dictionary<string, LayerType>(StringComparer.Ordinal);
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var layers in assemblies.Distinct().Select(AssemblyLayers.Of))
        {
            foreach (var (name, reason) in layers.Rejected) rejected[name] = reason;
            foreach (var type in layers.Types) custom[type.Name] = type;
        }
        foreach (var name in custom.Keys.Where(name => BuiltIn._byName.ContainsKey(name)).ToList())
        {
            custom.Remove(name);
            rejected[name] = "a built-in layer has the same name; rename the class";
        }
        return new LayerCatalog(BuiltInLayers.All.Concat(custom.Values), rejected);
    }

    /// <summary>The layer type of that name, or null.</summary>
    public LayerType? Find(string name) => _byName.GetValueOrDefault(name);
}
