using DeepForge.Torch.Data;
using DeepForge.Torch.Export;
using Microsoft.ML.OnnxRuntime;
using OrtTensors = Microsoft.ML.OnnxRuntime.Tensors;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Export;

/// <summary>Exports a model to ONNX bytes and runs them in ONNX Runtime next to TorchSharp on the same input.</summary>
internal static class OnnxRuntimeRun
{
    public static byte[] Export(Model model)
    {
        using var bytes = new MemoryStream();
        model.Module.eval();
        OnnxModelWriter.Write(model, bytes);
        return bytes.ToArray();
    }

    /// <summary>The largest absolute difference between ONNX Runtime's and TorchSharp's outputs.</summary>
    public static double MaxDifference(Model model, Tensor input)
    {
        var onnx = Run(Export(model), input);
        model.Module.eval();
        using var noGrad = no_grad();
        using var expected = model.Forward(input);
        Assert.Equal(expected.shape, onnx.Shape);
        var wanted = expected.contiguous().data<float>().ToArray();
        Assert.Equal(wanted.Length, onnx.Values.Length);
        return wanted.Zip(onnx.Values, (a, b) => (double)Math.Abs(a - b)).Max();
    }

    public static (long[] Shape, float[] Values) Run(byte[] onnx, Tensor input)
    {
        using var session = new InferenceSession(onnx);
        var shape = input.shape.Select(d => (int)d).ToArray();
        var value = input.dtype == ScalarType.Int64
            ? NamedOnnxValue.CreateFromTensor("input", new OrtTensors.DenseTensor<long>(input.data<long>().ToArray(), shape))
            : NamedOnnxValue.CreateFromTensor("input", new OrtTensors.DenseTensor<float>(input.contiguous().data<float>().ToArray(), shape));
        using var results = session.Run([value]);
        var output = results.Single(r => r.Name == "output").AsTensor<float>();
        return (output.Dimensions.ToArray().Select(d => (long)d).ToArray(), output.ToArray());
    }
}
