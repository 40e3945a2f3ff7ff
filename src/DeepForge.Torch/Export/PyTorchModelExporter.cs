using DeepForge.Torch.Data;

namespace DeepForge.Torch.Export;

/// <summary>Exports models as a PyTorch state_dict file (<c>--format pytorch</c>).</summary>
internal sealed class PyTorchModelExporter : ModelExporter
{
    public override string Format => "pytorch";

    public override string FileExtension => ".pt";

    protected override void Write(Model model, Stream output) => PyTorchStateDictWriter.Write(model, output);
}
