namespace DeepForge.Torch.Tests.Export;

/// <summary>A fact that needs Debian's dataset-fashion-mnist (test.sh installs it); skipped, saying why, when it is missing.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (!FashionMnistImages.Installed)
            Skip = $"SKIPPED: Fashion-MNIST is not installed in {FashionMnistImages.Folder}; install Debian's dataset-fashion-mnist package (./test.sh does)";
    }
}
