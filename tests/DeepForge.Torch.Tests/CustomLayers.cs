using static TorchSharp.torch;

namespace DeepForge.Torch.Tests;

public enum Reduction { Sum, Mean }

// A custom layer in the shape of the seed's RecurrentAttention: a module-typed constructor
// parameter (a nested architecture), numbers and an enum, and fluent setters.
public sealed class Glimpse : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> action;
    private double scale = 1;
    private bool doubled;

    public Glimpse(nn.Module<Tensor, Tensor> action, long steps, Reduction reduction = Reduction.Mean) : base(nameof(Glimpse))
    {
        this.action = action;
        Steps = steps;
        Reduction = reduction;
        RegisterComponents();
    }

    public long Steps { get; }

    public Reduction Reduction { get; }

    public double CurrentScale => scale;

    public bool IsDoubled => doubled;

    public Glimpse Scale(double value = 1)
    {
        scale = value;
        return this;
    }

    public Glimpse Double()
    {
        doubled = true;
        return this;
    }

    public override Tensor forward(Tensor input)
    {
        using var acted = action.call(input);
        return acted.mul(doubled ? 2 * scale : scale);
    }
}

// Cannot be a layer: a stream is no design-time value.
public sealed class NeedsStream(Stream stream) : nn.Module<Tensor, Tensor>(nameof(NeedsStream))
{
    public Stream Stream { get; } = stream;

    public override Tensor forward(Tensor input) => input.alias();
}
