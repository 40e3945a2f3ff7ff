using System.Text.Json;
using DeepForge.Models;
using DeepForge.Torch.Native;
using Xunit.Abstractions;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Export;

using Model = DeepForge.Torch.Data.Model;

// Each exported graph runs in ONNX Runtime next to TorchSharp on the same input; the outputs must agree within 1e-4.
public sealed class OnnxExportTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-4;

    [FashionMnistFact]
    public void Onnx_MatchesTorchSharp_OnOneHundredFashionMnistTestImages()
    {
        TorchNative.EnsureLoaded();
        var json = File.ReadAllText(RepositoryFiles.Path("seeds", "fashion-mnist", "architectures", "cnn.json"));
        var definition = JsonSerializer.Deserialize<ArchitectureDefinition>(json, DeepForge.Data.Json.Options)!;
        using var model = Trained(new Model(Of(definition)), FashionMnistImages.TestImages(100));
        using var images = FashionMnistImages.TestImages(100);

        var difference = OnnxRuntimeRun.MaxDifference(model, images);

        output.WriteLine($"fashion-mnist cnn, 100 test images: max abs difference ONNX Runtime vs TorchSharp = {difference:E3}");
        Assert.InRange(difference, 0, Tolerance);
    }

    [Fact]
    public void Onnx_MatchesTorchSharp_ForConvolutionPaddingModesPoolingAndBatchNorm() =>
        AssertMatches(ExportArchitectures.Vision(), () => randn(4, 3, 12, 12));

    [Fact]
    public void Onnx_MatchesTorchSharp_ForBranchesJoinedByAddAndConcat() =>
        AssertMatches(ExportArchitectures.Branches(), () => randn(5, 8));

    [Fact]
    public void Onnx_MatchesTorchSharp_ForEmbeddingLstmAndGru() =>
        AssertMatches(ExportArchitectures.Sequence(), () => randint(0, 20, [4, 7], dtype: ScalarType.Int64));

    [Fact]
    public void Onnx_MatchesTorchSharp_ForConv1dAndAFlattenOfNegativeDimensions() =>
        AssertMatches(ExportArchitectures.OneDimensional(), () => randn(3, 2, 16));

    [Fact]
    public void Onnx_AcceptsAnyBatchSize()
    {
        TorchNative.EnsureLoaded();
        using var model = new Model(Of(ExportArchitectures.Vision()));
        var onnx = OnnxRuntimeRun.Export(model);
        using var one = randn(1, 3, 12, 12);
        using var seven = randn(7, 3, 12, 12);

        Assert.Equal([1L, 5], OnnxRuntimeRun.Run(onnx, one).Shape);
        Assert.Equal([7L, 5], OnnxRuntimeRun.Run(onnx, seven).Shape);
    }

    private void AssertMatches(ArchitectureDefinition definition, Func<Tensor> input)
    {
        TorchNative.EnsureLoaded();
        using var batch = input();
        using var model = Trained(new Model(Of(definition)), input());

        var difference = OnnxRuntimeRun.MaxDifference(model, batch);

        output.WriteLine($"{definition.Name}: max abs difference ONNX Runtime vs TorchSharp = {difference:E3}");
        Assert.InRange(difference, 0, Tolerance);
    }

    // A few forward passes in training mode move batch normalisation's running statistics away from 0 and 1,
    // so the export is checked with statistics that matter.
    private static Model Trained(Model model, Tensor batch)
    {
        using (batch)
        using (no_grad())
        {
            model.Module.train();
            for (var i = 0; i < 3; i++) model.Forward(batch).Dispose();
        }
        model.Module.eval();
        return model;
    }
}
