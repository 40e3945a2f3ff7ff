using TorchSharp;
using static TorchSharp.torch;

namespace My.Extension;

/// <summary>
/// A layer: a public Module&lt;Tensor, Tensor&gt;. Its constructor's parameters are the layer's
/// attributes in the architecture editor (here: <c>scale</c>, default 2).
/// </summary>
public sealed class My_ExtensionLayer : nn.Module<Tensor, Tensor>
{
    private readonly double _scale;

    public My_ExtensionLayer(double scale = 2.0) : base(nameof(My_ExtensionLayer))
    {
        _scale = scale;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => input.mul(_scale);
}
