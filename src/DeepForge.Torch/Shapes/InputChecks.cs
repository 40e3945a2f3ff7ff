using DeepForge.Torch.Architectures;
using DeepForge.Torch.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DeepForge.Torch.Shapes;

/// <summary>
/// Checks, before running a layer, the input dimensions that libtorch would only report in its own
/// terms ("mat1 and mat2 shapes cannot be multiplied"), so the message says what the layer expects.
/// </summary>
internal static class InputChecks
{
    /// <summary>Why the layer cannot take its input, or null when it can (or the layer is not one we check).</summary>
    public static string? Check(LayerStep step, StepInput input) => step.Module switch
    {
        Linear linear => Linear(step, linear, input),
        Convolution convolution => Convolution(step, convolution, input),
        ConcatModule concat => Concat(step, concat, input),
        AddModule => Add(step, input),
        _ => null,
    };

    private static string? Linear(LayerStep step, Linear linear, StepInput input)
    {
        var shape = input.Tensors[0].shape;
        var features = shape.Length == 0 ? 1 : shape[^1];
        return features == linear.in_features ? null
            : $"{Name(step)} expects {linear.in_features} input features but gets {features} ({input.Description})";
    }

    private static string? Convolution(LayerStep step, Convolution convolution, StepInput input)
    {
        var shape = input.Tensors[0].shape;
        var spatial = convolution.kernel_size.Length;
        if (shape.Length != spatial + 2)
            return $"{Name(step)} expects a {spatial + 2}-dimensional input [batch, channels, {(spatial == 1 ? "length" : "height, width")}] but gets shape {ShapeText.Of(shape)}";
        if (shape[1] != convolution.in_channels)
            return $"{Name(step)} expects {convolution.in_channels} input channels but gets {shape[1]} (input shape {ShapeText.Of(shape)})";
        return KernelFits(convolution, shape) ? null
            : $"{Name(step)} has a kernel of {Size(convolution.kernel_size)}, larger than its input of {Size(shape[2..])} plus padding {Size(convolution.padding ?? [0])} (input shape {ShapeText.Of(shape)})";
    }

    private static bool KernelFits(Convolution convolution, long[] shape)
    {
        for (var d = 0; d < convolution.kernel_size.Length; d++)
        {
            var reach = convolution.dilation[d] * (convolution.kernel_size[d] - 1) + 1;
            var padding = convolution.padding is { } p ? p[Math.Min(d, p.Length - 1)] : 0;
            if (reach > shape[2 + d] + 2 * padding) return false;
        }
        return true;
    }

    private static string? Concat(LayerStep step, ConcatModule concat, StepInput input)
    {
        var shapes = input.Tensors.Select(t => t.shape).ToList();
        var rank = shapes[0].Length;
        var dim = concat.Dim < 0 ? concat.Dim + rank : concat.Dim;
        if (dim < 0 || dim >= rank)
            return $"{Name(step)} joins along dimension {concat.Dim}, which inputs of shape {ShapeText.Of(shapes[0])} do not have";
        var fits = shapes.All(s => s.Length == rank && Enumerable.Range(0, rank).All(d => d == dim || s[d] == shapes[0][d]));
        return fits ? null : $"{Name(step)} needs its inputs to match in every dimension but {concat.Dim}: {Branches(input)}";
    }

    private static string? Add(LayerStep step, StepInput input)
    {
        var shapes = input.Tensors.Select(t => t.shape).ToList();
        return shapes.Skip(1).All(s => Broadcasts(shapes[0], s)) ? null
            : $"{Name(step)} needs its inputs to have the same shape: {Branches(input)}";
    }

    private static bool Broadcasts(long[] a, long[] b)
    {
        for (int i = a.Length - 1, j = b.Length - 1; i >= 0 && j >= 0; i--, j--)
            if (a[i] != b[j] && a[i] != 1 && b[j] != 1) return false;
        return true;
    }

    private static string Branches(StepInput input) =>
        string.Join(", ", input.Sources.Zip(input.Tensors, (id, t) => $"'{id}' gives {ShapeText.Of(t.shape)}"));

    private static string Size(long[] sizes) => string.Join("x", sizes);

    private static string Name(LayerStep step) => $"{step.Location} ({step.Type.Name})";
}
