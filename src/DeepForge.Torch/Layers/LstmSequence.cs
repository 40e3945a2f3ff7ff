using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>An LSTM that gives only its output sequence, so that it fits a chain of tensor-to-tensor layers.</summary>
internal sealed class LstmSequence : nn.Module<Tensor, Tensor>
{
    private readonly LSTM lstm;

    public LstmSequence(LSTM lstm) : base(nameof(LstmSequence))
    {
        this.lstm = lstm;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var (output, hidden, cell) = lstm.call(input);
        hidden.Dispose();
        cell.Dispose();
        return output;
    }
}
