using DeepForge.Torch.Architectures;
using DeepForge.Torch.Native;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Architectures;

public sealed class BranchTests
{
    public BranchTests() => TorchNative.EnsureLoaded();

    // input -> a (4 features) and b (6 features) -> Concat (10) -> fc (2)
    private static DeepForge.Models.ArchitectureDefinition ConcatNet() => Connected(Define("concat",
            Layer("input", "ReLU"),
            Layer("a", "Linear", new { in_features = 3, out_features = 4 }),
            Layer("b", "Linear", new { in_features = 3, out_features = 6 }),
            Layer("join", "Concat", new { dim = 1 }),
            Layer("fc", "Linear", new { in_features = 10, out_features = 2 })),
        ("input", "a"), ("input", "b"), ("a", "join"), ("b", "join"), ("join", "fc"));

    [Fact]
    public void Build_ConcatenatesBranches_InConnectionOrder()
    {
        var definition = Connected(Define("net",
                Layer("input", "ReLU"),
                Layer("double", "Linear", new { in_features = 1, out_features = 1, bias = false }),
                Layer("join", "Concat", new { dim = 1 })),
            ("input", "join"), ("input", "double"), ("double", "join"));
        using var net = Of(definition).Build();
        using (no_grad()) net.named_parameters().Single().Item2.fill_(2);
        using var input = tensor(new float[] { 3 }).reshape(1, 1);

        using var output = net.call(input);

        Assert.Equal([3f, 6f], output.data<float>().ToArray());
    }

    [Fact]
    public void Build_JoinsBranchesWithConcat_IntoTheNextLayer()
    {
        using var net = Of(ConcatNet()).Build();
        using var input = randn(5, 3);
        using var output = net.call(input);

        Assert.Equal([5, 2], output.shape);
    }

    [Fact]
    public void Build_AddsBranches_ForAResidualConnection()
    {
        var definition = Connected(Define("residual",
                Layer("input", "Tanh"),
                Layer("zero", "Linear", new { in_features = 2, out_features = 2, bias = false }),
                Layer("sum", "Add")),
            ("input", "zero"), ("input", "sum"), ("zero", "sum"));
        using var net = Of(definition).Build();
        using (no_grad()) net.named_parameters().Single().Item2.zero_();
        using var input = tensor(new float[] { 0.5f, -1f }).reshape(1, 2);
        using var expected = input.tanh();

        using var output = net.call(input);

        Assert.True(output.allclose(expected));
    }
}
