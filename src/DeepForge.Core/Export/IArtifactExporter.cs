namespace DeepForge.Export;

/// <summary>
/// Writes an artifact's data in a format other programs read (a model as ONNX, a PyTorch state_dict).
/// Plugins register exporters; <see cref="ExportService"/> picks one by format name.
/// </summary>
public interface IArtifactExporter
{
    /// <summary>The format's name as people type it: <c>onnx</c>, <c>pytorch</c>.</summary>
    string Format { get; }

    /// <summary>The file name extension an exported file gets, with its dot: <c>.onnx</c>.</summary>
    string FileExtension { get; }

    /// <summary>Whether artifacts of this stored data type (a CLR full name) can be exported in this format.</summary>
    bool Accepts(string dataType);

    /// <summary>Reads the artifact's stored bytes from <paramref name="artifact"/> and writes the exported file to <paramref name="output"/>.</summary>
    /// <exception cref="DeepForgeException">The artifact cannot be written in this format; the error says why.</exception>
    Task ExportAsync(Stream artifact, Stream output, CancellationToken cancellationToken);
}
