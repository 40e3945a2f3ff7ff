using static TorchSharp.torch;

namespace DeepForge.Torch.Shapes;

/// <summary>What a layer gets during shape inference: the tensors, the ids of the layers they come from, and how to describe the first one.</summary>
internal sealed record StepInput(IReadOnlyList<Tensor> Tensors, IReadOnlyList<string> Sources, string Description);
