using TorchSharp;
using static TorchSharp.torch;

/// <summary>
/// What Train does to each batch before the network sees it: a random crop of the image padded by reflection (the
/// object moves a few pixels), a random horizontal flip, and normalisation. Test normalises with the same numbers.
/// </summary>
public static class Augmentation
{
    /// <summary>Each image cropped back to its size from a random place in it padded by <paramref name="padding"/>, and flipped left-right with probability one half when <paramref name="flip"/> is on.</summary>
    public static Tensor RandomCropAndFlip(Tensor images, int padding, bool flip)
    {
        var (count, height, width) = (images.shape[0], images.shape[2], images.shape[3]);
        var result = images;
        if (padding > 0)
        {
            using var padded = nn.functional.pad(images, [padding, padding, padding, padding], PaddingModes.Reflect);
            var offsets = randint(0, 2 * padding + 1, [count, 2], dtype: ScalarType.Int64).data<long>().ToArray();
            var crops = new List<Tensor>();
            for (var i = 0; i < count; i++)
                crops.Add(padded[i].narrow(1, offsets[2 * i], height).narrow(2, offsets[2 * i + 1], width));
            result = stack(crops);
        }
        if (!flip) return result;
        var flipped = rand(count).lt(0.5).view(count, 1, 1, 1);
        return where(flipped, result.flip(3), result);
    }

    /// <summary>(images - mean) / std: the same numbers for every channel, so Train and Test need no statistics from the data.</summary>
    public static Tensor Normalise(Tensor images, double mean, double std) => images.sub(mean).div(std);
}
