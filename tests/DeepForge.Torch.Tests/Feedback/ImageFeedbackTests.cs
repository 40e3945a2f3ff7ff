using System.Buffers.Binary;
using DeepForge.Feedback;
using DeepForge.Operations;
using DeepForge.Torch.Feedback;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Feedback;

public sealed class ImageFeedbackTests
{
    public ImageFeedbackTests() => TorchNative.EnsureLoaded();

    private static readonly byte[] PngSignature = [137, 80, 78, 71, 13, 10, 26, 10];

    private sealed class RecordingSink : IFeedbackSink
    {
        public List<FeedbackEvent> Events { get; } = [];

        public void Log(string text) { }

        public void Feedback(FeedbackEvent feedbackEvent) => Events.Add(feedbackEvent);
    }

    private static (int Width, int Height, byte ColorType) Header(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[25]);
    }

    private static byte[] Shown(Tensor image)
    {
        var sink = new RecordingSink();
        OperationContext.Create(sink).Image("first batch", image);
        return sink.Events.Single().Png!;
    }

    [Fact]
    public void Image_GivesAnRgbPngOfTheTensorsSize()
    {
        using var image = rand(3, 8, 5);

        Assert.Equal((5, 8, (byte)2), Header(Shown(image)));
    }

    [Fact]
    public void Image_GivesAGreyPng_ForATwoDimensionalTensor()
    {
        using var image = rand(6, 7);

        Assert.Equal((7, 6, (byte)0), Header(Shown(image)));
    }

    [Fact]
    public void Image_LaysOutABatch_AsAGridWithPadding()
    {
        using var batch = rand(4, 1, 6, 6);

        // 2x2 images of 6 pixels, with 2 pixels around each.
        Assert.Equal((18, 18, (byte)0), Header(Shown(batch)));
    }

    [Fact]
    public void Image_ScalesValuesToTheFullRange()
    {
        using var image = tensor(new float[] { -3, 0, 5 }).reshape(1, 3);

        var pixels = TensorImage.From(image).Pixels;

        Assert.Equal([0, 96, 255], pixels);
    }

    [Fact]
    public void Update_SendsTheNewPixels()
    {
        var sink = new RecordingSink();
        using var first = rand(1, 4, 4);
        using var second = rand(3, 2, 3);

        OperationContext.Create(sink).Image("weights", first).Update(second);

        Assert.Equal(("image-update", 3, 2), (sink.Events[1].Kind, Header(sink.Events[1].Png!).Width, Header(sink.Events[1].Png!).Height));
    }

    [Fact]
    public void Image_Refuses_ATensorWithTwoChannels()
    {
        using var image = rand(2, 4, 4);

        var error = Assert.Throws<DeepForgeException>(() => Shown(image));

        Assert.Equal("image tensor of shape [2, 4, 4] has 2 channels; an image has 1, 3 or 4", error.Message);
    }
}
