using TorchSharp;
using static TorchSharp.torch;

namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>
/// A tensor as the viewer shows it: shape and element type always; its values when it has at most
/// <see cref="MaxValues"/>; minimum, maximum and mean when its elements are real numbers.
/// </summary>
internal static class TensorPreviews
{
    public const int MaxValues = 100;

    public static TensorPreview Of(Tensor tensor)
    {
        using var scope = NewDisposeScope();
        var flat = tensor.detach().cpu().flatten();
        var real = IsReal(tensor.dtype);
        var values = tensor.NumberOfElements <= MaxValues ? Values(flat, tensor.dtype) : null;
        var summary = real && tensor.NumberOfElements > 0 ? Summary(flat) : null;
        return new TensorPreview(tensor.dtype.ToString(), tensor.shape, values, summary);
    }

    private static IReadOnlyList<string>? Values(Tensor flat, ScalarType type) => type switch
    {
        ScalarType.Bool => flat.data<bool>().Select(b => b ? "true" : "false").ToList(),
        ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32 or ScalarType.Int64 =>
            flat.to_type(ScalarType.Int64).data<long>().Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        _ when IsReal(type) => flat.to_type(ScalarType.Float64).data<double>().Select(PreviewFormat.Number).ToList(),
        _ => null, // complex numbers: shape only
    };

    private static TensorSummary Summary(Tensor flat)
    {
        var numbers = flat.to_type(ScalarType.Float64);
        return new TensorSummary(
            PreviewFormat.Number(numbers.min().item<double>()),
            PreviewFormat.Number(numbers.max().item<double>()),
            PreviewFormat.Number(numbers.mean().item<double>()));
    }

    private static bool IsReal(ScalarType type) => type is ScalarType.Byte or ScalarType.Int8 or ScalarType.Int16 or ScalarType.Int32
        or ScalarType.Int64 or ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;
}
