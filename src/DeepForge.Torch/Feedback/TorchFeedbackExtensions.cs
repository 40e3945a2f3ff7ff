using DeepForge.Feedback;
using DeepForge.Operations;
using static TorchSharp.torch;

namespace DeepForge.Torch.Feedback;

/// <summary>Shows tensors as image feedback.</summary>
public static class TorchFeedbackExtensions
{
    /// <summary>
    /// Shows <paramref name="image"/>: [H, W] (grey), [C, H, W] with 1, 3 or 4 channels, or a batch
    /// [N, C, H, W] of which the first 16 are laid out as a grid. Values are scaled min-max to 0..255.
    /// </summary>
    /// <exception cref="DeepForgeException">The tensor is not shaped like an image.</exception>
    public static FeedbackImage Image(this OperationContext context, string title, Tensor image) =>
        context.Image(title, TensorImage.From(image));

    /// <summary>Replaces the image's pixels with <paramref name="image"/>, read as <see cref="Image(OperationContext, string, Tensor)"/> reads it.</summary>
    public static FeedbackImage Update(this FeedbackImage feedback, Tensor image) =>
        feedback.Update(TensorImage.From(image));
}
