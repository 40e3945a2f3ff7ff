using DeepForge.Torch.Layers;
using static TorchSharp.torch;

namespace DeepForge.Torch.Architectures;

/// <summary>A built layer in evaluation order: its module, where it is (for errors) and the positions of the steps that feed it.</summary>
internal sealed record LayerStep(string Id, string Location, LayerType Type, nn.Module<Tensor, Tensor> Module, IReadOnlyList<int> Inputs);
