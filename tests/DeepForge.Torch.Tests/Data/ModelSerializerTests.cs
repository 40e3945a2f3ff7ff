using DeepForge.Torch.Data;
using DeepForge.Torch.Native;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Data;

// Inside namespace DeepForge.*, "Model" finds Core's namespace DeepForge.Models before any using
// outside the namespace; an alias declared inside it wins.
using Model = DeepForge.Torch.Data.Model;

public sealed class ModelSerializerTests
{
    public ModelSerializerTests() => TorchNative.EnsureLoaded();

    private static Model RoundTrip(Model model)
    {
        var serializer = new ModelSerializer();
        using var stream = new MemoryStream();
        serializer.Serialize(model, stream);
        stream.Position = 0;
        return serializer.Deserialize(stream);
    }

    [Fact]
    public void RoundTrip_GivesTheSameOutputs()
    {
        using var model = new Model(Of(Lenet()));
        model.Module.eval();
        using var images = randn(2, 3, 32, 32);
        using var expected = model.Forward(images);

        using var copy = RoundTrip(model);
        using var actual = copy.Forward(images);

        Assert.True(actual.eq(expected).all().item<bool>());
    }

    [Fact]
    public void RoundTrip_KeepsTheArchitecture()
    {
        using var model = new Model(Of(Lenet()));

        using var copy = RoundTrip(model);

        Assert.Equal(model.Definition.Layers.Select(l => (l.Id, l.Type)), copy.Definition.Layers.Select(l => (l.Id, l.Type)));
    }

    [Fact]
    public void RoundTrip_KeepsBatchNormRunningStatistics()
    {
        using var model = new Model(Of(Define("net", Layer("norm", "BatchNorm1d", new { num_features = 3 }))));
        using (var batch = randn(8, 3).add(5)) model.Forward(batch).Dispose();
        model.Module.eval();
        using var input = randn(2, 3);
        using var expected = model.Forward(input);

        using var copy = RoundTrip(model);
        using var actual = copy.Forward(input);

        Assert.True(actual.allclose(expected));
    }

    [Fact]
    public void RoundTrip_RebuildsCustomLayers_FromLoadedAssemblies()
    {
        var head = Define("head", Layer("fc", "Linear", new { in_features = 4, out_features = 2 }));
        var definition = Define("net", Layer("glimpse", nameof(Glimpse), new { action = "head", steps = 2, Scale = 3.0 }));
        using var model = new Model(Of(definition, [head]));
        using var input = randn(3, 4);
        using var expected = model.Forward(input);

        using var copy = RoundTrip(model);
        using var actual = copy.Forward(input);

        Assert.True(actual.eq(expected).all().item<bool>());
    }

    [Fact]
    public void RoundTrip_KeepsTheTrainingMode()
    {
        using var model = new Model(Of(Lenet()));
        model.Module.eval();

        using var copy = RoundTrip(model);

        Assert.False(copy.Module.training);
    }
}
