namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>An image, as PNG bytes for an img element.</summary>
internal sealed record ImagePreview(byte[] Png) : ArtifactPreview
{
    /// <summary>A data: URL of the PNG.</summary>
    public string DataUrl => $"data:image/png;base64,{Convert.ToBase64String(Png)}";
}
