using DeepForge.Models;
using DeepForge.Torch.Architectures;
using DeepForge.Torch.Native;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Layers;

public sealed class CustomLayerBuildTests
{
    public CustomLayerBuildTests() => TorchNative.EnsureLoaded();

    private static readonly object InlineAction = new
    {
        name = "action",
        layers = new[] { new { id = "fc", type = "Linear", attributes = new { in_features = 4, out_features = 3 } } },
    };

    private static Glimpse BuildGlimpse(object attributes, params ArchitectureDefinition[] library)
    {
        var net = Of(Define("net", Layer("glimpse", nameof(Glimpse), attributes)), library).Build();
        return (Glimpse)net.named_children().Single().Item2;
    }

    [Fact]
    public void Build_PassesAnInlineNestedArchitecture_ToTheConstructor()
    {
        using var glimpse = BuildGlimpse(new { action = InlineAction, steps = 3 });
        using var input = zeros(2, 4);
        using var output = glimpse.call(input);

        Assert.Equal([2, 3], output.shape);
        Assert.Equal(3, glimpse.Steps);
    }

    [Fact]
    public void Build_PassesANestedArchitectureNamedFromTheLibrary()
    {
        var library = Define("head", Layer("fc", "Linear", new { in_features = 4, out_features = 2 }));

        using var glimpse = BuildGlimpse(new { action = "head", steps = 1 }, library);
        using var input = zeros(5, 4);
        using var output = glimpse.call(input);

        Assert.Equal([5, 2], output.shape);
    }

    [Fact]
    public void Build_AppliesFluentSetters_WhenTheirAttributesAreGiven()
    {
        using var glimpse = BuildGlimpse(new { action = InlineAction, steps = 1, Scale = 0.5, Double = true });

        Assert.Equal((0.5, true), (glimpse.CurrentScale, glimpse.IsDoubled));
    }

    [Fact]
    public void Build_LeavesSettersUncalled_WhenTheirAttributesAreNotGiven()
    {
        using var glimpse = BuildGlimpse(new { action = InlineAction, steps = 1 });

        Assert.Equal((1.0, false, Reduction.Mean), (glimpse.CurrentScale, glimpse.IsDoubled, glimpse.Reduction));
    }

    [Fact]
    public void Build_RegistersTheNestedArchitecturesParameters_UnderTheLayer()
    {
        using var net = Of(Define("net", Layer("glimpse", nameof(Glimpse), new { action = InlineAction, steps = 1 }))).Build();

        Assert.Equal(["glimpse.action.fc.weight", "glimpse.action.fc.bias"], net.state_dict().Keys);
    }

    [Fact]
    public void Build_NamesTheOuterLayerAndAttribute_WhenNestedLayerIsWrong()
    {
        var action = new { name = "action", layers = new[] { new { id = "fc", type = "Linear", attributes = new { in_features = -1, out_features = 3 } } } };

        var error = Assert.Throws<DeepForgeException>(() => BuildGlimpse(new { action, steps = 1 }));

        Assert.Equal("layer 'glimpse' attribute 'action', layer 'fc' (Linear) attribute 'in_features' must be an integer >= 1, not -1", error.Message);
    }

    [Fact]
    public void Build_Refuses_AnArchitectureThatContainsItself()
    {
        var loop = Define("loop", Layer("glimpse", nameof(Glimpse), new { action = "loop", steps = 1 }));

        var error = Assert.Throws<DeepForgeException>(() => Of(loop, [loop]).Build());

        Assert.Contains("cannot contain itself", error.Message);
    }

    [Fact]
    public void Build_Names_AnUnknownLibraryArchitecture()
    {
        var error = Assert.Throws<DeepForgeException>(() => BuildGlimpse(new { action = "missing", steps = 1 }));

        Assert.StartsWith("layer 'glimpse' attribute 'action' names architecture 'missing'", error.Message);
    }

    [Fact]
    public void Build_ExplainsARejectedClass_WhenALayerUsesIt()
    {
        var error = Assert.Throws<DeepForgeException>(() => Of(Define("net", Layer("s", nameof(NeedsStream)))).Build());

        Assert.Contains("class NeedsStream cannot be a layer: constructor parameter 'stream'", error.Message);
    }
}
