using DeepForge.Torch.Shapes;
using static DeepForge.Torch.Tests.TestArchitectures;

namespace DeepForge.Torch.Tests.Shapes;

public sealed class ShapeInferenceTests
{
    private static ShapeInferenceResult Infer(DeepForge.Models.ArchitectureDefinition definition, params long[] input) =>
        ShapeInference.Infer(definition, assemblies: [typeof(Glimpse).Assembly], inputShape: input);

    [Fact]
    public void Infer_GivesEveryLayersOutputShape_ForTheLenetSeed()
    {
        var result = Infer(Lenet(), 3, 32, 32);

        Assert.True(result.Succeeded);
        Assert.Equal([1, 6, 28, 28], result.Shapes["conv1"]);
        Assert.Equal([1, 16, 5, 5], result.Shapes["pool2"]);
        Assert.Equal([1, 400], result.Shapes["flatten"]);
        Assert.Equal([1, 10], result.OutputShape!);
    }

    [Fact]
    public void Infer_NamesFc1_WhenItsInFeaturesDoNotFit()
    {
        var result = Infer(Lenet(fc1InFeatures: 256), 3, 32, 32);

        Assert.Equal("fc1", result.FailedLayer);
        Assert.Equal("layer 'fc1' (Linear) expects 256 input features but gets 400 (shape [1, 16, 5, 5] flattened)", result.Problem!.Message);
    }

    [Fact]
    public void Infer_KeepsTheShapesBeforeTheFailure()
    {
        var result = Infer(Lenet(fc1InFeatures: 256), 3, 32, 32);

        Assert.Equal(["conv1", "relu1", "pool1", "conv2", "relu2", "pool2", "flatten"], result.Shapes.Keys);
    }

    [Fact]
    public void Infer_NamesTheConvolution_WhenChannelsDoNotFit()
    {
        var result = Infer(Lenet(), 1, 32, 32);

        Assert.Equal("layer 'conv1' (Conv2d) expects 3 input channels but gets 1 (input shape [1, 1, 32, 32])", result.Problem!.Message);
    }

    [Fact]
    public void Infer_NamesTheConvolution_WhenTheKernelIsLargerThanTheInput()
    {
        var result = Infer(Lenet(), 3, 12, 12);

        Assert.Equal("conv2", result.FailedLayer);
        Assert.StartsWith("layer 'conv2' (Conv2d) has a kernel of 5x5, larger than its input of 4x4", result.Problem!.Message);
    }

    [Fact]
    public void Infer_NamesTheBranches_WhenConcatInputsDoNotMatch()
    {
        var definition = Connected(Define("net",
                Layer("input", "ReLU"),
                Layer("small", "MaxPool2d", new { kernel_size = 2 }),
                Layer("join", "Concat", new { dim = 1 })),
            ("input", "join"), ("input", "small"), ("small", "join"));

        var result = Infer(definition, 2, 8, 8);

        Assert.Equal("layer 'join' (Concat) needs its inputs to match in every dimension but 1: 'input' gives [1, 2, 8, 8], 'small' gives [1, 2, 4, 4]", result.Problem!.Message);
    }

    [Fact]
    public void Infer_ReportsOtherLayerFailures_InLibtorchsWords()
    {
        var definition = Define("net", Layer("pool", "MaxPool2d", new { kernel_size = 4 }));

        var result = Infer(definition, 1, 2, 2);

        Assert.Equal("pool", result.FailedLayer);
        Assert.StartsWith("layer 'pool' (MaxPool2d) failed on input shape [1, 1, 2, 2]: ", result.Problem!.Message);
    }

    [Fact]
    public void Infer_ReportsBuildErrors_WithTheLayer()
    {
        var result = Infer(Define("net", Layer("fc", "Linear", new { in_features = 2 })), 2);

        Assert.Equal(("fc", "layer 'fc'"), (result.FailedLayer, result.Problem!.Location));
    }

    [Fact]
    public void Infer_UsesTheDefinitionsInputShape_WhenNoneIsGiven()
    {
        var definition = Lenet();
        definition.InputShape = [3, 32, 32];

        Assert.Equal([1, 10], ShapeInference.Infer(definition).OutputShape!);
    }

    [Fact]
    public void Infer_AsksForAnInputShape_WhenThereIsNone() =>
        Assert.Equal("architecture 'lenet' has no input shape; give the shape of one sample, e.g. [3, 32, 32]",
            ShapeInference.Infer(Lenet()).Problem!.Message);

    [Fact]
    public void Infer_WorksInEvaluationMode_SoBatchNormTakesOneSample()
    {
        var definition = Define("net", Layer("fc", "Linear", new { in_features = 4, out_features = 3 }), Layer("norm", "BatchNorm1d", new { num_features = 3 }));

        Assert.Equal([1, 3], Infer(definition, 4).OutputShape!);
    }

    [Fact]
    public void Infer_FeedsIntegers_ToAnEmbedding()
    {
        var definition = Define("net", Layer("embed", "Embedding", new { num_embeddings = 10, embedding_dim = 4 }));

        Assert.Equal([1, 6, 4], Infer(definition, 6).OutputShape!);
    }
}
