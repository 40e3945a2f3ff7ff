using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Export;

/// <summary>A custom layer: ONNX has no operator for arbitrary C#, so exporting it as ONNX is refused.</summary>
public sealed class Doubler() : nn.Module<Tensor, Tensor>(nameof(Doubler))
{
    public override Tensor forward(Tensor input) => input.mul(2);
}
