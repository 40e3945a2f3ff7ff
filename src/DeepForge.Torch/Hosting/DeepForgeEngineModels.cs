using DeepForge.Torch.Data;

namespace DeepForge.Torch.Hosting;

/// <summary>Adds <c>forge.Models</c> to the embedding API: Core knows no TorchSharp, so trained models come with DeepForge.Torch.</summary>
public static class DeepForgeEngineModels
{
    extension(DeepForgeEngine forge)
    {
        /// <summary>Trained <see cref="Model"/> artifacts, loaded to predict.</summary>
        public ModelService Models => new(forge.Artifacts);
    }
}
