using DeepForge.Torch.Data;
using static TorchSharp.torch;

namespace DeepForge.Torch.Hosting;

/// <summary>A trained model in evaluation mode: dropout off, batch normalisation by its running statistics, no gradients kept.</summary>
public sealed class Predictor : IDisposable
{
    internal Predictor(Model model)
    {
        Model = model;
        Model.Module.eval();
    }

    /// <summary>The model: its architecture and its network.</summary>
    public Model Model { get; }

    /// <summary>The network's outputs for a batch (for a classifier ending in LogSoftmax: log-probabilities, [N, classes]).</summary>
    /// <exception cref="DeepForgeException">The batch does not fit the network; the error names the layer and the shapes.</exception>
    public Tensor Predict(Tensor images)
    {
        using var noGrad = no_grad();
        return Model.Forward(images);
    }

    /// <summary>The index of the highest output of each image: its class.</summary>
    public long[] Classify(Tensor images)
    {
        using var scope = NewDisposeScope();
        return Predict(images).argmax(1).data<long>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
