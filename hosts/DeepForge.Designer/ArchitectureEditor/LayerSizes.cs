using System.Text.Json;
using DeepForge.Models;
using DeepForge.Torch.Layers;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Fills a new layer's size attributes from the shape it receives, so a layer inserted into a network fits where
/// it lands: <c>in_features</c> from the last dimension, <c>in_channels</c> and <c>num_features</c> from the channels.
/// A value set by hand is never replaced.
/// </summary>
internal static class LayerSizes
{
    /// <summary>
    /// Fills what <paramref name="type"/> needs from <paramref name="entering"/> (one batched sample, batch first).
    /// Required output sizes not given take the input's, and a required kernel size 3 with padding 1, so the
    /// layer passes on the shape it gets and the layer after it still fits.
    /// </summary>
    public static void Fill(LayerNode layer, LayerType type, IReadOnlyList<long>? entering)
    {
        if (entering is not { Count: > 0 } shape) return;
        var features = shape[^1];
        var channels = shape.Count >= 2 ? shape[1] : (long?)null;
        if (Set(layer, type, "in_features", features)) SetRequired(layer, type, "out_features", features);
        if (channels is { } c)
        {
            if (Set(layer, type, "in_channels", c))
            {
                SetRequired(layer, type, "out_channels", c);
                if (SetRequired(layer, type, "kernel_size", 3)) Set(layer, type, "padding", 1);
            }
            Set(layer, type, "num_features", c);
        }
    }

    private static bool SetRequired(LayerNode layer, LayerType type, string name, long value) =>
        type.Attribute(name) is { Required: true } && Set(layer, type, name, value);

    // Only attributes the type has, of a whole-number kind, and not given yet.
    private static bool Set(LayerNode layer, LayerType type, string name, long value)
    {
        if (type.Attribute(name) is not { Kind: LayerAttributeKinds.Integer or LayerAttributeKinds.IntegerList }) return false;
        if (layer.Attributes.ContainsKey(name)) return false;
        layer.Attributes[name] = JsonSerializer.SerializeToElement(value);
        return true;
    }
}
