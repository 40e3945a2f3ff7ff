using DeepForge.Models;
using static DeepForge.Torch.Tests.TestArchitectures;

namespace DeepForge.Torch.Tests.Export;

/// <summary>Architectures that together use every layer of the catalog ONNX has an operator for, with attributes away from their defaults.</summary>
internal static class ExportArchitectures
{
    public static ArchitectureDefinition Vision() => Shaped([3, 12, 12], Define("vision",
        Layer("conv_reflect", "Conv2d", new { in_channels = 3, out_channels = 4, kernel_size = 3, padding = 1, padding_mode = "reflect" }),
        Layer("bn", "BatchNorm2d", new { num_features = 4, eps = 1e-3 }),
        Layer("leaky", "LeakyReLU", new { negative_slope = 0.2 }),
        Layer("conv_circular", "Conv2d", new { in_channels = 4, out_channels = 4, kernel_size = 3, padding = 1, padding_mode = "circular", bias = false }),
        Layer("conv_replicate", "Conv2d", new { in_channels = 4, out_channels = 6, kernel_size = new[] { 3, 2 }, padding = new[] { 1, 2 }, padding_mode = "replicate", groups = 2 }),
        Layer("conv_dilated", "Conv2d", new { in_channels = 6, out_channels = 6, kernel_size = 3, stride = 2, padding = 2, dilation = 2 }),
        Layer("tanh", "Tanh"),
        Layer("avg", "AvgPool2d", new { kernel_size = 2, stride = 1, padding = 1, count_include_pad = false }),
        Layer("max", "MaxPool2d", new { kernel_size = 3, stride = 2, padding = 1 }),
        Layer("flatten", "Flatten"),
        Layer("fc", "Linear", new { in_features = 6 * 4 * 5, out_features = 10 }),
        Layer("sigmoid", "Sigmoid"),
        Layer("dropout", "Dropout", new { p = 0.3 }),
        Layer("fc_out", "Linear", new { in_features = 10, out_features = 5, bias = false }),
        Layer("softmax", "Softmax", new { dim = 1 })));

    public static ArchitectureDefinition Branches() => Shaped([8], Connected(Define("branches",
            Layer("in", "Linear", new { in_features = 8, out_features = 8 }),
            Layer("fc_a", "Linear", new { in_features = 8, out_features = 6 }),
            Layer("fc_b", "Linear", new { in_features = 8, out_features = 6 }),
            Layer("add", "Add"),
            Layer("cat", "Concat", new { dim = 1 }),
            Layer("bn", "BatchNorm1d", new { num_features = 12, affine = false }),
            Layer("relu", "ReLU"),
            Layer("out", "LogSoftmax")),
        ("in", "fc_a"), ("in", "fc_b"), ("fc_a", "add"), ("fc_b", "add"), ("add", "cat"), ("fc_b", "cat"), ("cat", "bn"), ("bn", "relu"), ("relu", "out")));

    public static ArchitectureDefinition Sequence() => Shaped([7], Define("sequence",
        Layer("embed", "Embedding", new { num_embeddings = 20, embedding_dim = 6, padding_idx = 0 }),
        Layer("lstm", "LSTM", new { input_size = 6, hidden_size = 5, num_layers = 2, batch_first = true, bidirectional = true }),
        Layer("gru", "GRU", new { input_size = 10, hidden_size = 4 }),
        Layer("gru_bf", "GRU", new { input_size = 4, hidden_size = 3, batch_first = true, bias = false, bidirectional = true }),
        Layer("lstm_plain", "LSTM", new { input_size = 6, hidden_size = 2 }),
        Layer("flatten", "Flatten", new { start_dim = 1 }),
        Layer("fc", "Linear", new { in_features = 7 * 2, out_features = 3 })));

    public static ArchitectureDefinition OneDimensional() => Shaped([2, 16], Define("conv1d",
        Layer("conv", "Conv1d", new { in_channels = 2, out_channels = 3, kernel_size = 3, stride = 2, padding = 2 }),
        Layer("conv_reflect", "Conv1d", new { in_channels = 3, out_channels = 3, kernel_size = 3, padding = 1, padding_mode = "reflect" }),
        Layer("flatten", "Flatten", new { start_dim = -2, end_dim = -1 }),
        Layer("fc", "Linear", new { in_features = 3 * 9, out_features = 4 })));

    public static ArchitectureDefinition Shaped(long[] inputShape, ArchitectureDefinition definition)
    {
        definition.InputShape = [.. inputShape];
        return definition;
    }
}
