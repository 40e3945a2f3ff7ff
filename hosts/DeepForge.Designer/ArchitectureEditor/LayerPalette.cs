using DeepForge.Torch.Layers;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>The palette's layers by category, in catalog order, the project's custom layers last; filtered by name or category.</summary>
internal static class LayerPalette
{
    public static IReadOnlyList<PaletteGroup> Groups(LayerCatalog catalog, string? filter)
    {
        var text = filter?.Trim() ?? "";
        return catalog.Types
            .Where(t => text.Length == 0 || t.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || t.Category.Contains(text, StringComparison.OrdinalIgnoreCase))
            .GroupBy(t => t.Category)
            .OrderBy(g => g.Key == "Custom" ? 1 : 0)
            .Select(g => new PaletteGroup(g.Key, g.ToList()))
            .ToList();
    }
}
