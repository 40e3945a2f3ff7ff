using DeepForge.Export;
using DeepForge.Torch.Data;
using DeepForge.Torch.Native;

namespace DeepForge.Torch.Export;

/// <summary>
/// Exports <see cref="Model"/> artifacts: reads the stored model, then writes it. Everything TorchSharp or
/// libtorch throws becomes a <see cref="DeepForgeException"/> here, at the plugin's edge.
/// </summary>
internal abstract class ModelExporter : IArtifactExporter
{
    private static readonly string ModelType = typeof(Model).FullName!;

    public abstract string Format { get; }

    public abstract string FileExtension { get; }

    public bool Accepts(string dataType) => dataType == ModelType;

    public async Task ExportAsync(Stream artifact, Stream output, CancellationToken cancellationToken)
    {
        // Native reads want a seekable stream; a stored model is small next to the memory a worker has.
        using var buffer = new MemoryStream();
        await artifact.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var written = new MemoryStream();
        Run(() =>
        {
            TorchNative.EnsureLoaded();
            using var model = new ModelSerializer().Deserialize(buffer);
            model.Module.eval();
            Write(model, written);
        });
        written.Position = 0;
        await written.CopyToAsync(output, cancellationToken);
    }

    /// <summary>Writes the model, loaded and in evaluation mode, in this format.</summary>
    protected abstract void Write(Model model, Stream output);

    private void Run(Action export)
    {
        try
        {
            export();
        }
        catch (Exception e) when (TorchErrors.IsForeign(e))
        {
            throw new DeepForgeException(Format, $"the model could not be exported as {Format}: {TorchErrors.Describe(e)}", TorchErrors.Unwrap(e));
        }
    }
}
