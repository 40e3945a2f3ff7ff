namespace DeepForge.Torch.Tests.Export;

/// <summary>A fact that needs PyTorch itself; skipped, saying why, where no python3 imports torch.</summary>
public sealed class PyTorchFactAttribute : FactAttribute
{
    public PyTorchFactAttribute()
    {
        if (PythonTorch.Python == null) Skip = $"SKIPPED: {PythonTorch.WhyMissing}";
    }
}
