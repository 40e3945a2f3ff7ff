namespace DeepForge.Torch.Images;

/// <summary>An image file and the index of its class.</summary>
internal sealed record LabelledImage(ImageFile File, int Label);
