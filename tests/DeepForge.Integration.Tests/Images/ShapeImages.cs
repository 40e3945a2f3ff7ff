using SkiaSharp;

namespace DeepForge.Integration.Tests.Images;

/// <summary>
/// Writes a folder of generated images, one class folder per kind of picture: circles, squares, horizontal stripes and
/// vertical stripes, each in random colours on a random background, at a random place and size, and of mixed image
/// sizes; half PNG, half JPEG. Colour tells the classes nothing: a network has to see the shapes.
/// </summary>
internal static class ShapeImages
{
    public static readonly string[] Classes = ["circles", "hstripes", "squares", "vstripes"];

    public static string Write(string folder, int perClass, int seed = 1)
    {
        var random = new Random(seed);
        foreach (var name in Classes)
            for (var i = 0; i < perClass; i++)
            {
                var (width, height) = (random.Next(36, 64), random.Next(36, 64));
                using var bitmap = new SKBitmap(width, height);
                using (var canvas = new SKCanvas(bitmap)) Draw(canvas, name, width, height, random);
                var png = i % 2 == 0;
                var path = Path.Combine(folder, name, $"{i:000}.{(png ? "png" : "jpg")}");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var image = SKImage.FromBitmap(bitmap);
                using var data = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 90);
                File.WriteAllBytes(path, data.ToArray());
            }
        return folder;
    }

    private static void Draw(SKCanvas canvas, string name, int width, int height, Random random)
    {
        var background = Colour(random);
        canvas.Clear(background);
        using var paint = new SKPaint { Color = Contrasting(background, random), IsAntialias = true, Style = SKPaintStyle.Fill };
        var size = Math.Min(width, height) * (0.45f + 0.3f * random.NextSingle());
        var (x, y) = (random.NextSingle() * (width - size), random.NextSingle() * (height - size));
        switch (name)
        {
            case "circles":
                canvas.DrawCircle(x + size / 2, y + size / 2, size / 2, paint);
                break;
            case "squares":
                canvas.DrawRect(x, y, size, size, paint);
                break;
            default:
                var band = Math.Max(width, height) / (6f + random.Next(3));
                for (var at = random.NextSingle() * band; at < Math.Max(width, height); at += 2 * band)
                    canvas.DrawRect(name == "hstripes" ? new SKRect(0, at, width, at + band) : new SKRect(at, 0, at + band, height), paint);
                break;
        }
    }

    private static SKColor Colour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));

    // A shape must stand out from its background; colours far apart in brightness do.
    private static SKColor Contrasting(SKColor background, Random random)
    {
        while (true)
        {
            var colour = Colour(random);
            if (Math.Abs(Brightness(colour) - Brightness(background)) > 80) return colour;
        }
    }

    private static double Brightness(SKColor c) => 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
}
