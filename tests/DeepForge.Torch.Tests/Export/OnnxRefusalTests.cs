using DeepForge.Torch.Native;
using static DeepForge.Torch.Tests.TestArchitectures;

namespace DeepForge.Torch.Tests.Export;

using Model = DeepForge.Torch.Data.Model;

public sealed class OnnxRefusalTests
{
    public OnnxRefusalTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void Onnx_IsRefusedNamingTheLayer_WhenALayerIsCustom()
    {
        using var model = new Model(Of(Define("custom", Layer("fc", "Linear", new { in_features = 4, out_features = 4 }), Layer("twice", "Doubler"))));

        var error = Assert.Throws<DeepForgeException>(() => OnnxRuntimeRun.Export(model));

        Assert.Equal("layer 'twice' (Doubler) cannot be exported as ONNX: it is a custom layer, which ONNX has no operator for; export the model as pytorch instead", error.Message);
    }

    [Fact]
    public void Onnx_IsRefusedNamingTheLayer_WhenBatchNormUsesBatchStatistics()
    {
        using var model = new Model(Of(Define("bn", Layer("norm", "BatchNorm1d", new { num_features = 4, track_running_stats = false }))));

        var error = Assert.Throws<DeepForgeException>(() => OnnxRuntimeRun.Export(model));

        Assert.StartsWith("layer 'norm' (BatchNorm1d) cannot be exported as ONNX: it has track_running_stats false", error.Message);
    }

    [Fact]
    public void Onnx_IsRefusedNamingTheLayer_WhenAnEmbeddingRenormalisesItsWeights()
    {
        using var model = new Model(Of(Define("embed", Layer("words", "Embedding", new { num_embeddings = 10, embedding_dim = 3, max_norm = 1.0 }))));

        var error = Assert.Throws<DeepForgeException>(() => OnnxRuntimeRun.Export(model));

        Assert.StartsWith("layer 'words' (Embedding) cannot be exported as ONNX: it has max_norm set", error.Message);
    }
}
