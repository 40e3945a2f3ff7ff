using SkiaSharp;

namespace DeepForge.Torch.Images;

/// <summary>
/// Decodes a PNG or JPEG with Skia, resizes it and writes it channel-first as floats in [0, 1]. The size is read from
/// the header first, so a small file claiming a huge picture (a decompression bomb) is refused before any pixel is made.
/// </summary>
internal static class ImageDecoder
{
    // A file bigger than this is no picture people train on; reading it whole would only fill memory.
    private const int MaxFileBytes = 256 << 20;
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static void Decode(ImageFile file, ImageSize size, Span<float> target)
    {
        using var data = SKData.CreateCopy(ReadAll(file));
        using var codec = SKCodec.Create(data)
            ?? throw Refused(file, "is not a PNG or JPEG image (it could not be decoded)");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Png or SKEncodedImageFormat.Jpeg))
            throw Refused(file, $"is a {codec.EncodedFormat} image; only PNG and JPEG are read");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > size.MaxPixels)
            throw Refused(file, $"is {width}x{height} pixels, more than the {size.MaxPixels} allowed (maxPixels); shrink it or raise maxPixels");
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var decoded = SKBitmap.Decode(codec, info)
            ?? throw Refused(file, "is a damaged image (its pixels could not be decoded)");
        using var resized = width == size.Width && height == size.Height ? null
            : decoded.Resize(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), Sampling);
        Write((resized ?? decoded).GetPixelSpan(), size, target);
    }

    private static void Write(ReadOnlySpan<byte> rgba, ImageSize size, Span<float> target)
    {
        var plane = size.Width * size.Height;
        for (var p = 0; p < plane; p++)
        {
            var (r, g, b) = (rgba[4 * p], rgba[4 * p + 1], rgba[4 * p + 2]);
            if (size.Channels == 1)
                target[p] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
            else
                (target[p], target[plane + p], target[2 * plane + p]) = (r / 255f, g / 255f, b / 255f);
        }
    }

    private static byte[] ReadAll(ImageFile file)
    {
        try
        {
            return ReadCapped(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw Refused(file, $"could not be read: {e.Message}");
        }
    }

    private static byte[] ReadCapped(ImageFile file)
    {
        using var stream = file.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (copy.Length + read > MaxFileBytes) throw Refused(file, $"is bigger than {MaxFileBytes >> 20} MB");
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    private static DeepForgeException Refused(ImageFile file, string why) =>
        new($"image '{file.Name}'", $"image '{file.Name}' {why}");
}
