using System.Text.Json;
using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Models;
using DeepForge.Torch.Layers;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

public sealed class LayerSizesTests
{
    private static LayerType Type(string name) => LayerCatalog.BuiltIn.Find(name)!;

    [Fact]
    public void Linear_TakesInFeaturesFromTheLastDimensionAndPassesTheSameOn()
    {
        var layer = new LayerNode { Id = "linear1", Type = "Linear" };

        LayerSizes.Fill(layer, Type("Linear"), [1, 3136]);

        Assert.Equal(3136, layer.Attributes["in_features"].GetInt64());
        Assert.Equal(3136, layer.Attributes["out_features"].GetInt64());
    }

    [Fact]
    public void Conv2d_TakesInChannelsAndKeepsTheImageSize()
    {
        var layer = new LayerNode { Id = "conv3", Type = "Conv2d" };

        LayerSizes.Fill(layer, Type("Conv2d"), [1, 32, 14, 14]);

        Assert.Equal(32, layer.Attributes["in_channels"].GetInt64());
        Assert.Equal(32, layer.Attributes["out_channels"].GetInt64());
        Assert.Equal(3, layer.Attributes["kernel_size"].GetInt64());
        Assert.Equal(1, layer.Attributes["padding"].GetInt64());
    }

    [Fact]
    public void BatchNorm_TakesNumFeaturesFromTheChannels()
    {
        var layer = new LayerNode { Id = "bn1", Type = "BatchNorm2d" };

        LayerSizes.Fill(layer, Type("BatchNorm2d"), [1, 64, 7, 7]);

        Assert.Equal(64, layer.Attributes["num_features"].GetInt64());
    }

    [Fact]
    public void AValueSetByHand_IsKept()
    {
        var layer = new LayerNode { Id = "linear1", Type = "Linear", Attributes = { ["in_features"] = JsonSerializer.SerializeToElement(10), ["out_features"] = JsonSerializer.SerializeToElement(4) } };

        LayerSizes.Fill(layer, Type("Linear"), [1, 3136]);

        Assert.Equal(10, layer.Attributes["in_features"].GetInt64());
        Assert.Equal(4, layer.Attributes["out_features"].GetInt64());
    }

    [Fact]
    public void AnUnknownShape_FillsNothing()
    {
        var layer = new LayerNode { Id = "linear1", Type = "Linear" };

        LayerSizes.Fill(layer, Type("Linear"), null);

        Assert.Empty(layer.Attributes);
    }
}
