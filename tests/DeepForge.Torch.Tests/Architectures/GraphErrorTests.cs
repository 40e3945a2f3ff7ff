using DeepForge.Models;
using DeepForge.Torch.Architectures;
using static DeepForge.Torch.Tests.TestArchitectures;

namespace DeepForge.Torch.Tests.Architectures;

public sealed class GraphErrorTests
{
    private static DeepForgeException BuildError(ArchitectureDefinition definition) =>
        Assert.Throws<DeepForgeException>(() => Of(definition).Build());

    [Fact]
    public void Build_NamesTheLayer_WhenItsTypeIsUnknown()
    {
        var error = BuildError(Define("net", Layer("mystery", "Transformer9000")));

        Assert.StartsWith("layer 'mystery' has unknown type 'Transformer9000'; known types are Linear, ", error.Message);
    }

    [Fact]
    public void Build_NamesTheLayersOfACycle()
    {
        var error = BuildError(Connected(Define("net", Layer("in", "ReLU"), Layer("a", "Add"), Layer("b", "ReLU"), Layer("out", "ReLU")),
            ("in", "a"), ("a", "b"), ("b", "a"), ("b", "out")));

        Assert.Equal("layer 'a' is part of a cycle: a -> b -> a; an architecture has no loops", error.Message);
    }

    [Fact]
    public void Build_NamesTheOutputs_WhenThereAreSeveral()
    {
        var error = BuildError(Connected(Define("net", Layer("in", "ReLU"), Layer("a", "ReLU"), Layer("b", "Tanh")),
            ("in", "a"), ("in", "b")));

        Assert.Equal("architecture 'net' must have exactly one output layer (no outgoing connection), but has 2: 'a', 'b'", error.Message);
    }

    [Fact]
    public void Build_NamesTheInputs_WhenThereAreSeveral()
    {
        var error = BuildError(Connected(Define("net", Layer("a", "ReLU"), Layer("b", "ReLU"), Layer("join", "Add")),
            ("a", "join"), ("b", "join")));

        Assert.Equal("architecture 'net' must have exactly one input layer (no incoming connection), but has 2: 'a', 'b'", error.Message);
    }

    [Fact]
    public void Build_NamesANonJoinLayer_ThatHasTwoInputs()
    {
        var error = BuildError(Connected(Define("net", Layer("in", "ReLU"), Layer("a", "ReLU"), Layer("b", "Tanh"), Layer("out", "Sigmoid")),
            ("in", "a"), ("in", "b"), ("a", "out"), ("b", "out")));

        Assert.Equal("layer 'out' (Sigmoid) has 2 inputs ('a', 'b'); only Concat and Add join branches, so add one before it", error.Message);
    }

    [Fact]
    public void Build_NamesAConnection_ToAnUnknownLayer()
    {
        var error = BuildError(Connected(Define("net", Layer("a", "ReLU")), ("a", "ghost")));

        Assert.Equal("architecture 'net' connection #1 names unknown layer 'ghost'", error.Message);
    }

    [Fact]
    public void Build_NamesTheLayer_WhenTwoLayersShareAnId()
    {
        var error = BuildError(Define("net", Layer("a", "ReLU"), Layer("a", "Tanh")));

        Assert.Equal("layer 'a': another layer has the same id", error.Message);
    }

    [Fact]
    public void Build_Refuses_AnArchitectureWithoutLayers() =>
        Assert.Equal("architecture 'net' has no layers; add at least one", BuildError(Define("net")).Message);
}
