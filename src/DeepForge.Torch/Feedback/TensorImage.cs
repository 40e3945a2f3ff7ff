using DeepForge.Feedback;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Feedback;

/// <summary>Turns a tensor into 8-bit pixels: values scaled min-max to 0..255, a batch laid out as a grid.</summary>
internal static class TensorImage
{
    public const int GridLimit = 16;
    public const int GridPadding = 2;

    public static ImageData From(Tensor tensor)
    {
        TorchNative.EnsureLoaded();
        using var scope = NewDisposeScope();
        var values = Normalize(tensor.detach().cpu().to_type(ScalarType.Float32));
        var image = values.shape.Length switch
        {
            2 => values.unsqueeze(0),
            3 => values,
            4 => Grid(values.narrow(0, 0, Math.Min(values.shape[0], GridLimit))),
            _ => throw Error(tensor, "is not [H, W], [C, H, W] or [N, C, H, W]"),
        };
        var (channels, height, width) = (image.shape[0], image.shape[1], image.shape[2]);
        if (channels is not (1 or 3 or 4)) throw Error(tensor, $"has {channels} channels; an image has 1, 3 or 4");
        if (height == 0 || width == 0) throw Error(tensor, "has no pixels");
        var pixels = image.mul(255).round().clamp(0, 255).to_type(ScalarType.Byte).permute(1, 2, 0).contiguous();
        return new ImageData((int)width, (int)height, (int)channels, pixels.data<byte>().ToArray());
    }

    // Min-max over everything shown, so images of one batch keep their relative brightness.
    private static Tensor Normalize(Tensor values)
    {
        if (values.NumberOfElements == 0) return values;
        var finite = values.nan_to_num(0, 0, 0);
        var (min, max) = (finite.min().item<float>(), finite.max().item<float>());
        return max > min ? finite.sub(min).div(max - min) : zeros_like(finite);
    }

    private static Tensor Grid(Tensor batch)
    {
        var (count, channels, height, width) = (batch.shape[0], batch.shape[1], batch.shape[2], batch.shape[3]);
        var columns = (long)Math.Ceiling(Math.Sqrt(count));
        var rows = (count + columns - 1) / columns;
        var grid = zeros(channels, rows * (height + GridPadding) + GridPadding, columns * (width + GridPadding) + GridPadding);
        for (long k = 0; k < count; k++)
        {
            var top = GridPadding + k / columns * (height + GridPadding);
            var left = GridPadding + k % columns * (width + GridPadding);
            grid.narrow(1, top, height).narrow(2, left, width).copy_(batch[k]);
        }
        return grid;
    }

    private static DeepForgeException Error(Tensor tensor, string message) =>
        new("image", $"image tensor of shape [{string.Join(", ", tensor.shape)}] {message}");
}
