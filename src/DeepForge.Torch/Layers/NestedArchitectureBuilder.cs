using System.Text.Json;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>Builds the module of an <see cref="LayerAttributeKinds.Architecture"/> attribute's value; <paramref name="location"/> names the attribute for errors.</summary>
internal delegate nn.Module<Tensor, Tensor> NestedArchitectureBuilder(JsonElement value, string location);
