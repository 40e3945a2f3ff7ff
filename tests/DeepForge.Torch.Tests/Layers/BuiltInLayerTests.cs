using DeepForge.Torch.Architectures;
using DeepForge.Torch.Native;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Layers;

public sealed class BuiltInLayerTests
{
    public BuiltInLayerTests() => TorchNative.EnsureLoaded();

    private static long[] OutputShape(Tensor input, params TestLayer[] layers)
    {
        using var net = Of(Define("net", layers.Select(l => Layer(l.Id, l.Type, l.Attributes)).ToArray())).Build();
        using var output = net.call(input);
        return output.shape;
    }

    [Fact]
    public void Lstm_GivesTheOutputSequenceOnly()
    {
        using var input = zeros(2, 7, 4);

        var shape = OutputShape(input, new TestLayer("lstm", "LSTM", new { input_size = 4, hidden_size = 5, batch_first = true }));

        Assert.Equal([2, 7, 5], shape);
    }

    [Fact]
    public void Gru_GivesTheOutputSequenceOnly_WithBothDirections()
    {
        using var input = zeros(7, 2, 4);

        var shape = OutputShape(input, new TestLayer("gru", "GRU", new { input_size = 4, hidden_size = 3, bidirectional = true }));

        Assert.Equal([7, 2, 6], shape);
    }

    [Fact]
    public void Embedding_ThenLstm_FitATensorChain()
    {
        using var tokens = zeros([2, 9], ScalarType.Int64);

        var shape = OutputShape(tokens,
            new("embed", "Embedding", new { num_embeddings = 20, embedding_dim = 8 }),
            new("lstm", "LSTM", new { input_size = 8, hidden_size = 5, batch_first = true }));

        Assert.Equal([2, 9, 5], shape);
    }

    [Fact]
    public void Conv1d_BatchNorm1d_AvgPool_Chain()
    {
        using var input = zeros(2, 3, 10);

        var shape = OutputShape(input,
            new("conv", "Conv1d", new { in_channels = 3, out_channels = 4, kernel_size = 3, padding = 1 }),
            new("norm", "BatchNorm1d", new { num_features = 4 }),
            new("act", "LeakyReLU", new { negative_slope = 0.2 }));

        Assert.Equal([2, 4, 10], shape);
    }

    [Fact]
    public void MaxPool2d_UsesKernelSizeAsStride_WhenStrideIsNotGiven()
    {
        using var input = zeros(1, 1, 8, 8);

        Assert.Equal([1, 1, 4, 4], OutputShape(input, new TestLayer("pool", "MaxPool2d", new { kernel_size = 2 })));
    }

    [Fact]
    public void Softmax_GivesProbabilitiesAlongDim()
    {
        using var net = Of(Define("net", Layer("soft", "Softmax", new { dim = 1 }))).Build();
        using var input = rand(3, 4);
        using var output = net.call(input);
        using var sums = output.sum(1);

        Assert.True(sums.allclose(ones(3)));
    }

    public sealed record TestLayer(string Id, string Type, object? Attributes = null);
}
