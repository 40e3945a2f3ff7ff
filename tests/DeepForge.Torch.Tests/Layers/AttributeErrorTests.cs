using DeepForge.Torch.Architectures;
using static DeepForge.Torch.Tests.TestArchitectures;

namespace DeepForge.Torch.Tests.Layers;

public sealed class AttributeErrorTests
{
    private static string BuildError(object attributes, string type = "Linear") =>
        Assert.Throws<DeepForgeException>(() => Of(Define("net", Layer("fc1", type, attributes))).Build()).Message;

    [Fact]
    public void Build_NamesLayerAndAttribute_WhenIntegerIsNegative() =>
        Assert.Equal("layer 'fc1' (Linear) attribute 'in_features' must be an integer >= 1, not -3",
            BuildError(new { in_features = -3, out_features = 2 }));

    [Fact]
    public void Build_NamesLayerAndAttribute_WhenIntegerIsGivenAsText() =>
        Assert.Equal("layer 'fc1' (Linear) attribute 'out_features' must be an integer >= 1, not \"ten\"",
            BuildError(new { in_features = 4, out_features = "ten" }));

    [Fact]
    public void Build_NamesLayerAndAttribute_WhenRequiredAttributeIsMissing() =>
        Assert.Equal("layer 'fc1' (Linear) attribute 'out_features' has no value and no default; set it",
            BuildError(new { in_features = 4 }));

    [Fact]
    public void Build_ListsKnownAttributes_WhenAttributeIsUnknown() =>
        Assert.Equal("layer 'fc1' (Linear) has no attribute 'units'; its attributes are in_features, out_features, bias",
            BuildError(new { in_features = 4, out_features = 2, units = 3 }));

    [Fact]
    public void Build_ListsAllowedValues_WhenEnumValueIsUnknown() =>
        Assert.Equal("layer 'fc1' (Conv2d) attribute 'padding_mode' must be one of zeros, reflect, replicate, circular, not \"mirror\"",
            BuildError(new { in_channels = 1, out_channels = 1, kernel_size = 3, padding_mode = "mirror" }, "Conv2d"));

    [Fact]
    public void Build_ExplainsIntegerList_WhenKernelSizeHasThreeElements() =>
        Assert.Equal("layer 'fc1' (Conv2d) attribute 'kernel_size' must be an integer >= 1, or a list of 2 such integers, not [3,3,3]",
            BuildError(new { in_channels = 1, out_channels = 1, kernel_size = new[] { 3, 3, 3 } }, "Conv2d"));

    [Fact]
    public void Build_GivesRange_WhenProbabilityIsAboveOne() =>
        Assert.Equal("layer 'fc1' (Dropout) attribute 'p' must be a number from 0 to 1, not 1.5",
            BuildError(new { p = 1.5 }, "Dropout"));

    [Fact]
    public void Build_TellsTheLayerId_InTheProblemLocation()
    {
        var error = Assert.Throws<DeepForgeException>(() => Of(Define("net", Layer("fc1", "Linear", new { in_features = 0, out_features = 1 }))).Build());

        Assert.Equal("layer 'fc1'", Assert.Single(error.Problems).Location);
    }
}
