using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>A GRU that gives only its output sequence, so that it fits a chain of tensor-to-tensor layers.</summary>
internal sealed class GruSequence : nn.Module<Tensor, Tensor>
{
    private readonly GRU gru;

    public GruSequence(GRU gru) : base(nameof(GruSequence))
    {
        this.gru = gru;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var (output, hidden) = gru.call(input);
        hidden.Dispose();
        return output;
    }
}
