namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>A fact that needs Debian's dataset-fashion-mnist (test.sh installs it); skipped, saying why, when it is missing.</summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public const string Folder = "/usr/share/datasets/fashion-mnist";

    public FashionMnistFactAttribute()
    {
        if (!File.Exists(Path.Combine(Folder, "train-images-idx3-ubyte.gz")) && !File.Exists(Path.Combine(Folder, "train-images-idx3-ubyte")))
            Skip = $"SKIPPED: Fashion-MNIST is not installed in {Folder}; install Debian's dataset-fashion-mnist package (./test.sh does)";
    }
}
