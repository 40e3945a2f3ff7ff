using DeepForge.Torch.Layers;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>A palette heading and its layers.</summary>
internal sealed record PaletteGroup(string Category, IReadOnlyList<LayerType> Layers);
