using DeepForge.Models;
using DeepForge.Torch.Export;
using DeepForge.Torch.Native;
using TorchSharp.PyBridge;
using Xunit.Abstractions;
using static DeepForge.Torch.Tests.TestArchitectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Export;

using Model = DeepForge.Torch.Data.Model;

public sealed class PyTorchExportTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deepforge-pytorch-").FullName;

    // Before any test builds its input: TorchSharp's own loader fails on this GCC 12 system.
    static PyTorchExportTests() => TorchNative.EnsureLoaded();

    [Fact]
    public void StateDict_LoadsThroughPyBridge_IntoAFreshModelOfTheSameArchitecture()
    {
        using var model = new Model(Of(Lenet()));
        model.Module.eval();
        using var images = randn(3, 3, 32, 32);
        using var expected = model.Forward(images);
        using var exported = Write(model);

        using var fresh = new Model(Of(Lenet()));
        fresh.Module.load_py(exported, strict: true);
        fresh.Module.eval();
        using var actual = fresh.Forward(images);

        Assert.True(actual.allclose(expected, rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void StateDict_NamesRecurrentWeightsAsPyTorchsOwnLstmAndGru()
    {
        using var model = new Model(Of(ExportArchitectures.Sequence()));
        using var exported = Write(model);

        var names = PyTorchUnpickler.UnpickleStateDict(exported).Keys.Cast<string>().ToList();

        Assert.Contains("lstm.weight_ih_l1_reverse", names);
        Assert.Contains("gru.bias_hh_l0", names);
        Assert.DoesNotContain(names, n => n.StartsWith("lstm.lstm.", StringComparison.Ordinal));
    }

    [PyTorchFact]
    public void StateDict_IsAcceptedByPyTorch_ForLenetWrittenInPyTorch() => AssertPyTorchAgrees("lenet", Lenet(), randn(4, 3, 32, 32));

    [PyTorchFact]
    public void StateDict_IsAcceptedByPyTorch_ForPaddingModesAndBatchNorm() => AssertPyTorchAgrees("vision", ExportArchitectures.Vision(), randn(4, 3, 12, 12));

    [PyTorchFact]
    public void StateDict_IsAcceptedByPyTorch_ForEmbeddingLstmAndGru() =>
        AssertPyTorchAgrees("sequence", ExportArchitectures.Sequence(), randint(0, 20, [4, 7], dtype: ScalarType.Int64));

    // PyTorch loads the state_dict strictly into its own module of the same layers and must compute what TorchSharp did.
    private void AssertPyTorchAgrees(string name, ArchitectureDefinition definition, Tensor input)
    {
        using var model = new Model(Of(definition));
        using (no_grad())
        {
            model.Module.train();
            model.Forward(input).Dispose();
        }
        model.Module.eval();
        using var expected = model.Forward(input);
        var state = Path.Combine(_folder, $"{name}.pt");
        using (var file = File.Create(state)) Write(model).CopyTo(file);
        var tensors = Path.Combine(_folder, $"{name}-tensors.pt");
        using (var file = File.Create(tensors))
            PyTorchPickler.PickleStateDict(file, new Dictionary<string, Tensor> { ["input"] = input, ["expected"] = expected });

        var script = Path.Combine(AppContext.BaseDirectory, "Export", "pytorch_check.py");
        var (exit, text) = PythonTorch.Run(PythonTorch.Python!, [script, name, state, tensors]);

        output.WriteLine($"{name}: {text.Trim()}");
        Assert.True(exit == 0, text);
        input.Dispose();
    }

    private static MemoryStream Write(Model model)
    {
        var stream = new MemoryStream();
        PyTorchStateDictWriter.Write(model, stream);
        stream.Position = 0;
        return stream;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
