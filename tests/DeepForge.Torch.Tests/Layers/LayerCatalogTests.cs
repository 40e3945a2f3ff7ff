using DeepForge.Torch.Layers;

namespace DeepForge.Torch.Tests.Layers;

public sealed class LayerCatalogTests
{
    [Theory]
    [InlineData("Linear"), InlineData("Conv1d"), InlineData("Conv2d"), InlineData("MaxPool2d"), InlineData("AvgPool2d")]
    [InlineData("ReLU"), InlineData("LeakyReLU"), InlineData("Tanh"), InlineData("Sigmoid"), InlineData("Dropout")]
    [InlineData("BatchNorm1d"), InlineData("BatchNorm2d"), InlineData("Flatten"), InlineData("LogSoftmax"), InlineData("Softmax")]
    [InlineData("Embedding"), InlineData("LSTM"), InlineData("GRU"), InlineData("Concat"), InlineData("Add")]
    public void BuiltIn_HasLayer(string name) =>
        Assert.NotNull(LayerCatalog.BuiltIn.Find(name));

    [Fact]
    public void BuiltIn_DescribesLinearWithPyTorchAttributeNames()
    {
        var linear = LayerCatalog.BuiltIn.Find("Linear")!;

        Assert.Equal(["in_features", "out_features", "bias"], linear.Attributes.Select(a => a.Name));
        Assert.True(linear.Attribute("in_features")!.Required);
        Assert.True(linear.Attribute("bias")!.Default!.Value.GetBoolean());
    }

    [Fact]
    public void BuiltIn_DescribesConv2dKernelSizeAsIntegerListOfTwo()
    {
        var kernel = LayerCatalog.BuiltIn.Find("Conv2d")!.Attribute("kernel_size")!;

        Assert.Equal((LayerAttributeKinds.IntegerList, 2), (kernel.Kind, kernel.Length));
    }

    [Fact]
    public void BuiltIn_MarksOnlyConcatAndAddAsJoins() =>
        Assert.Equal(["Concat", "Add"], LayerCatalog.BuiltIn.Types.Where(t => t.JoinsBranches).Select(t => t.Name));
}
