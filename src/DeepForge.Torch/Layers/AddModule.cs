using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>Adds the incoming branches element by element (as a residual connection does).</summary>
internal sealed class AddModule() : JoinModule(nameof(AddModule))
{
    public override Tensor Join(IReadOnlyList<Tensor> inputs)
    {
        // With one branch the sum is the branch itself; alias so the caller owns a separate handle.
        var sum = inputs[0].alias();
        foreach (var input in inputs.Skip(1))
        {
            var next = sum.add(input);
            sum.Dispose();
            sum = next;
        }
        return sum;
    }
}
