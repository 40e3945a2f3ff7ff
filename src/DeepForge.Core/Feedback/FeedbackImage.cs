namespace DeepForge.Feedback;

/// <summary>An image shown as feedback; its title and pixels can change while the operation runs.</summary>
public sealed class FeedbackImage
{
    private readonly IFeedbackSink _sink;

    internal FeedbackImage(IFeedbackSink sink, string id, string title, ImageData? image)
    {
        _sink = sink;
        Id = id;
        _sink.Feedback(new FeedbackEvent { Kind = "image", Id = id, Text = title, Png = image?.ToPng() });
    }

    /// <summary>Stable id within the job.</summary>
    public string Id { get; }

    /// <summary>Changes the title.</summary>
    public FeedbackImage Title(string title)
    {
        _sink.Feedback(new FeedbackEvent { Kind = "image-title", Id = Id, Text = title });
        return this;
    }

    /// <summary>Replaces the pixels.</summary>
    public FeedbackImage Update(ImageData image)
    {
        _sink.Feedback(new FeedbackEvent { Kind = "image-update", Id = Id, Png = image.ToPng() });
        return this;
    }
}
