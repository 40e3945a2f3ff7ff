using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>A layer that merges several incoming branches into one tensor.</summary>
/// <remarks>It is still a <c>Module&lt;Tensor, Tensor&gt;</c> so that it fits a chain, where its single input passes through.</remarks>
internal abstract class JoinModule(string name) : nn.Module<Tensor, Tensor>(name)
{
    /// <summary>Merges the branches, given in the order of the architecture's connections.</summary>
    public abstract Tensor Join(IReadOnlyList<Tensor> inputs);

    public override Tensor forward(Tensor input) => Join([input]);
}
