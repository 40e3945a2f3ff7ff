using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// Random horizontal flips and random crops of a batch of images [N, C, H, W], as tensor operations on the batch's
/// device: a few cheap kernels per batch instead of a loop over images.
/// </summary>
public static class BatchAugmentation
{
    public static Tensor FlipAndCrop(Tensor images, int padding)
    {
        var (count, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var flip = rand(count, device: images.device).lt(0.5).view(count, 1, 1, 1);
        var flipped = where(flip, images.flip(3), images);
        if (padding == 0) return flipped;
        // Replicate, not zeros: the normalised images' background is not 0, and a border of another grey is a cue the test set never shows.
        var padded = nn.functional.pad(flipped, new long[] { padding, padding, padding, padding }, PaddingModes.Replicate);
        var rows = Offsets(count, height, padding, images.device).view(count, 1, height, 1).expand(count, images.shape[1], height, width + 2 * padding);
        var columns = Offsets(count, width, padding, images.device).view(count, 1, 1, width).expand(count, images.shape[1], height, width);
        return padded.gather(2, rows).gather(3, columns);
    }

    // For each image, the indices of the size rows (or columns) of its crop: a random start in [0, 2 * padding].
    private static Tensor Offsets(long count, long size, int padding, Device device) =>
        randint(0, 2 * padding + 1, new long[] { count, 1 }, dtype: ScalarType.Int64, device: device) + arange(size, dtype: ScalarType.Int64, device: device);
}
