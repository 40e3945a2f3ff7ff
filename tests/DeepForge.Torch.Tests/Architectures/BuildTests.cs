using DeepForge.Torch.Architectures;
using DeepForge.Torch.Native;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Architectures;

public sealed class BuildTests
{
    public BuildTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void Build_ChainsLayersInOrder_WhenNoConnectionsAreGiven()
    {
        using var lenet = Of(Lenet()).Build();
        using var images = randn(2, 3, 32, 32);
        using var scores = lenet.call(images);

        Assert.Equal([2, 10], scores.shape);
    }

    [Fact]
    public void Build_GivesLogProbabilities_ForTheLenetSeed()
    {
        using var lenet = Of(Lenet()).Build();
        using var images = randn(2, 3, 32, 32);
        using var scores = lenet.call(images);
        using var total = scores.exp().sum(1);

        Assert.True(total.allclose(ones(2), rtol: 1e-4, atol: 1e-5));
    }

    [Fact]
    public void Build_NamesParametersByLayerId()
    {
        using var lenet = Of(Lenet()).Build();

        Assert.Equal(
            ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"],
            lenet.named_parameters().Select(p => p.Item1));
    }

    [Fact]
    public void Build_MakesParametersTrainable()
    {
        using var lenet = Of(Lenet()).Build();

        Assert.Equal(10, lenet.parameters().Count(p => p.requires_grad));
    }

    [Fact]
    public void Build_RunsBackward_ThroughTheWholeChain()
    {
        using var lenet = Of(Lenet()).Build();
        using var images = randn(2, 3, 32, 32);
        using var scores = lenet.call(images);
        using var loss = scores.sum();

        loss.backward();

        Assert.All(lenet.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void Build_FollowsConnections_InsteadOfLayerOrder()
    {
        // Drawn in a different order than the data flows.
        var definition = Connected(Define("net",
                Layer("out", "Linear", new { in_features = 3, out_features = 1 }),
                Layer("in", "Linear", new { in_features = 2, out_features = 3 })),
            ("in", "out"));

        using var net = Of(definition).Build();
        using var input = zeros(4, 2);
        using var output = net.call(input);

        Assert.Equal([4, 1], output.shape);
    }

    [Fact]
    public void Build_TurnsForwardFailures_IntoErrorsNamingTheLayer()
    {
        using var lenet = Of(Lenet()).Build();
        using var wrong = zeros(2, 3, 28, 28);

        var error = Assert.Throws<DeepForgeException>(() => lenet.call(wrong));

        Assert.StartsWith("layer 'fc1' (Linear) failed on input shape [2, 256]:", error.Message);
    }
}
