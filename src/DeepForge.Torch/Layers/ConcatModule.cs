using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>Concatenates the incoming branches along one dimension.</summary>
internal sealed class ConcatModule(long dim) : JoinModule(nameof(ConcatModule))
{
    public long Dim { get; } = dim;

    public override Tensor Join(IReadOnlyList<Tensor> inputs) => cat(inputs.ToList(), Dim);
}
