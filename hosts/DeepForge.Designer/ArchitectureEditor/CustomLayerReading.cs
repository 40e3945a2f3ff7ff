using DeepForge.Torch.Layers;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>What the custom layer editor shows beside the code: the attributes read from it, or why there are none.</summary>
internal sealed record CustomLayerReading(LayerType? Layer, string? Problem, IReadOnlyList<string> Errors)
{
    public static CustomLayerReading Read(CompiledCode code, string name)
    {
        if (code.Assembly == null) return new CustomLayerReading(null, "The code does not compile.", code.Errors);
        var catalog = LayerCatalog.For(code.Assemblies);
        if (catalog.Find(name) is { CustomType: not null } layer) return new CustomLayerReading(layer, null, []);
        if (catalog.Rejected.TryGetValue(name, out var reason)) return new CustomLayerReading(null, $"{name} cannot be a layer: {reason}.", []);
        return new CustomLayerReading(null, $"The code has no public class {name} deriving from nn.Module<Tensor, Tensor>.", []);
    }
}
