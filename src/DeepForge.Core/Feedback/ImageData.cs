namespace DeepForge.Feedback;

/// <summary>Pixels for an image shown as feedback: 8-bit, row-major, 1 (grey), 3 (RGB) or 4 (RGBA) channels interleaved.</summary>
public sealed class ImageData
{
    /// <summary>Makes an image, checking that the pixel count matches.</summary>
    public ImageData(int width, int height, int channels, byte[] pixels)
    {
        if (width <= 0 || height <= 0) throw new ArgumentException($"image size {width}x{height} must be positive");
        if (channels is not (1 or 3 or 4)) throw new ArgumentException($"an image has 1, 3 or 4 channels, not {channels}");
        if (pixels.Length != width * height * channels)
            throw new ArgumentException($"{width}x{height}x{channels} needs {width * height * channels} bytes, got {pixels.Length}");
        (Width, Height, Channels, Pixels) = (width, height, channels, pixels);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>1, 3 or 4.</summary>
    public int Channels { get; }

    /// <summary>The bytes, row by row.</summary>
    public byte[] Pixels { get; }

    /// <summary>The image as a PNG file.</summary>
    public byte[] ToPng() => PngEncoder.Encode(this);
}
