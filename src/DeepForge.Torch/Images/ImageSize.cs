namespace DeepForge.Torch.Images;

/// <summary>What every image becomes: <see cref="Channels"/> x <see cref="Height"/> x <see cref="Width"/> floats in [0, 1]; bigger sources than <see cref="MaxPixels"/> are refused before decoding.</summary>
internal sealed record ImageSize(int Width, int Height, int Channels, long MaxPixels)
{
    public int Floats => Channels * Height * Width;
}
