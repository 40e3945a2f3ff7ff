using DeepForge.Models;
using DeepForge.Torch.Layers;

namespace DeepForge.Torch.Architectures;

/// <summary>A layer in evaluation order, with the positions (in that order) of the layers that feed it; none for the input layer.</summary>
internal sealed record PlannedLayer(LayerNode Node, LayerType Type, IReadOnlyList<int> Inputs);
