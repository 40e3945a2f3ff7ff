using DeepForge.Torch.Data;

namespace DeepForge.Torch.Export;

/// <summary>Exports models as ONNX (<c>--format onnx</c>).</summary>
internal sealed class OnnxModelExporter : ModelExporter
{
    public override string Format => "onnx";

    public override string FileExtension => ".onnx";

    protected override void Write(Model model, Stream output) => OnnxModelWriter.Write(model, output);
}
