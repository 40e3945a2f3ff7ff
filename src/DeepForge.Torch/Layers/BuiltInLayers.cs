using TorchSharp;
using static DeepForge.Torch.Layers.Attributes;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>The TorchSharp layers every architecture may use, with PyTorch's attribute names and defaults.</summary>
internal static class BuiltInLayers
{
    // Declared before All: static initializers run in textual order.
    private static readonly string[] PaddingModeNames = ["zeros", "reflect", "replicate", "circular"];

    public static IReadOnlyList<LayerType> All { get; } =
    [
        Linear(), Conv1d(), Conv2d(), MaxPool2d(), AvgPool2d(),
        Simple("ReLU", "Activation", () => nn.ReLU()),
        LeakyReLU(),
        Simple("Tanh", "Activation", () => nn.Tanh()),
        Simple("Sigmoid", "Activation", () => nn.Sigmoid()),
        Dropout(), BatchNorm("BatchNorm1d"), BatchNorm("BatchNorm2d"), Flatten(),
        SoftmaxLike("LogSoftmax", nn.LogSoftmax), SoftmaxLike("Softmax", nn.Softmax),
        Embedding(), Lstm(), Gru(), Concat(), Add(),
    ];

    private static LayerType Simple(string name, string category, Func<nn.Module<Tensor, Tensor>> create) =>
        new(name, category, [], _ => create());

    private static LayerType Linear() => new("Linear", "Linear",
        [Integer("in_features", minimum: 1), Integer("out_features", minimum: 1), Boolean("bias", true)],
        a => nn.Linear(a.Integer("in_features"), a.Integer("out_features"), a.Boolean("bias")));

    private static LayerType Conv1d() => new("Conv1d", "Convolution",
        [
            Integer("in_channels", minimum: 1), Integer("out_channels", minimum: 1), Integer("kernel_size", minimum: 1),
            Integer("stride", 1, 1), Integer("padding", 0, 0), Integer("dilation", 1, 1), Integer("groups", 1, 1),
            Boolean("bias", true), Enum("padding_mode", "zeros", PaddingModeNames),
        ],
        a => nn.Conv1d(a.Integer("in_channels"), a.Integer("out_channels"), a.Integer("kernel_size"),
            stride: a.Integer("stride"), padding: a.Integer("padding"), dilation: a.Integer("dilation"),
            padding_mode: PaddingMode(a.Enum("padding_mode")), groups: a.Integer("groups"), bias: a.Boolean("bias")));

    private static LayerType Conv2d() => new("Conv2d", "Convolution",
        [
            Integer("in_channels", minimum: 1), Integer("out_channels", minimum: 1), Pair("kernel_size", minimum: 1),
            Pair("stride", 1, 1), Pair("padding", 0, 0), Pair("dilation", 1, 1), Integer("groups", 1, 1),
            Boolean("bias", true), Enum("padding_mode", "zeros", PaddingModeNames),
        ],
        a => nn.Conv2d(a.Integer("in_channels"), a.Integer("out_channels"), Tuple(a.IntegerList("kernel_size")),
            stride: Tuple(a.IntegerList("stride")), padding: Tuple(a.IntegerList("padding")), dilation: Tuple(a.IntegerList("dilation")),
            padding_mode: PaddingMode(a.Enum("padding_mode")), groups: a.Integer("groups"), bias: a.Boolean("bias")));

    private static LayerType MaxPool2d() => new("MaxPool2d", "Pooling",
        [Pair("kernel_size", minimum: 1), OptionalPair("stride", 1), Pair("padding", 0, 0), Pair("dilation", 1, 1), Boolean("ceil_mode", false)],
        a => nn.MaxPool2d(a.IntegerList("kernel_size"), a.OptionalIntegerList("stride"), a.IntegerList("padding"),
            a.IntegerList("dilation"), a.Boolean("ceil_mode")));

    private static LayerType AvgPool2d() => new("AvgPool2d", "Pooling",
        [Pair("kernel_size", minimum: 1), OptionalPair("stride", 1), Pair("padding", 0, 0), Boolean("ceil_mode", false), Boolean("count_include_pad", true)],
        a => nn.AvgPool2d(a.IntegerList("kernel_size"), a.OptionalIntegerList("stride"), a.IntegerList("padding"),
            a.Boolean("ceil_mode"), a.Boolean("count_include_pad")));

    private static LayerType LeakyReLU() => new("LeakyReLU", "Activation",
        [Number("negative_slope", 0.01)],
        a => nn.LeakyReLU(a.Number("negative_slope")));

    private static LayerType Dropout() => new("Dropout", "Regularization",
        [Number("p", 0.5, 0, 1)],
        a => nn.Dropout(a.Number("p")));

    private static LayerType BatchNorm(string name) => new(name, "Normalization",
        [Integer("num_features", minimum: 1), Number("eps", 1e-5, 0), Number("momentum", 0.1, 0, 1), Boolean("affine", true), Boolean("track_running_stats", true)],
        a => name == "BatchNorm1d"
            ? nn.BatchNorm1d(a.Integer("num_features"), a.Number("eps"), a.Number("momentum"), a.Boolean("affine"), a.Boolean("track_running_stats"))
            : nn.BatchNorm2d(a.Integer("num_features"), a.Number("eps"), a.Number("momentum"), a.Boolean("affine"), a.Boolean("track_running_stats")));

    private static LayerType Flatten() => new("Flatten", "Shape",
        [Integer("start_dim", 1), Integer("end_dim", -1)],
        a => nn.Flatten(a.Integer("start_dim"), a.Integer("end_dim")));

    // PyTorch's implicit dim picks 1 for batched 2-D and 4-D inputs: the class scores of a classifier.
    private static LayerType SoftmaxLike(string name, Func<long, nn.Module<Tensor, Tensor>> create) =>
        new(name, "Activation", [Integer("dim", 1)], a => create(a.Integer("dim")));

    private static LayerType Embedding() => new("Embedding", "Embedding",
        [Integer("num_embeddings", minimum: 1), Integer("embedding_dim", minimum: 1), OptionalInteger("padding_idx"), OptionalNumber("max_norm", 0)],
        a => nn.Embedding(a.Integer("num_embeddings"), a.Integer("embedding_dim"), a.OptionalInteger("padding_idx"), a.OptionalNumber("max_norm")));

    private static IReadOnlyList<LayerAttribute> RecurrentAttributes() =>
    [
        Integer("input_size", minimum: 1), Integer("hidden_size", minimum: 1), Integer("num_layers", 1, 1), Boolean("bias", true),
        Boolean("batch_first", false), Number("dropout", 0, 0, 1), Boolean("bidirectional", false),
    ];

    private static LayerType Lstm() => new("LSTM", "Recurrent", RecurrentAttributes(),
        a => new LstmSequence(nn.LSTM(a.Integer("input_size"), a.Integer("hidden_size"), a.Integer("num_layers"), a.Boolean("bias"),
            a.Boolean("batch_first"), a.Number("dropout"), a.Boolean("bidirectional"))));

    private static LayerType Gru() => new("GRU", "Recurrent", RecurrentAttributes(),
        a => new GruSequence(nn.GRU(a.Integer("input_size"), a.Integer("hidden_size"), a.Integer("num_layers"), a.Boolean("bias"),
            a.Boolean("batch_first"), a.Number("dropout"), a.Boolean("bidirectional"))));

    private static LayerType Concat() => new("Concat", "Join", [Integer("dim", 1)], a => new ConcatModule(a.Integer("dim")), joinsBranches: true);

    private static LayerType Add() => new("Add", "Join", [], _ => new AddModule(), joinsBranches: true);

    private static (long, long) Tuple(long[] pair) => (pair[0], pair[1]);

    private static PaddingModes PaddingMode(string name) => System.Enum.Parse<PaddingModes>(name, ignoreCase: true);
}
