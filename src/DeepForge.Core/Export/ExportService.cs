using DeepForge.Blobs;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Export;

/// <summary>Exports artifacts through the exporters the loaded plugins register (models as ONNX and PyTorch with DeepForge.Torch).</summary>
public sealed class ExportService
{
    private readonly DeepForgeStore _store;
    private readonly IBlobStore _blobs;
    private readonly IReadOnlyList<IArtifactExporter> _exporters;

    internal ExportService(DeepForgeStore store, IBlobStore blobs, IEnumerable<IArtifactExporter> exporters) =>
        (_store, _blobs, _exporters) = (store, blobs, exporters.ToList());

    /// <summary>The formats some exporter writes.</summary>
    public IReadOnlyList<string> Formats => _exporters.Select(e => e.Format).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The formats an artifact can be exported in; empty when none (a dataset, a number).</summary>
    public IReadOnlyList<string> FormatsFor(ArtifactRecord artifact) =>
        _exporters.Where(e => e.Accepts(artifact.DataType)).Select(e => e.Format).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The artifact of that id in the project, else the newest of that name; null when neither exists.</summary>
    public async Task<ArtifactRecord?> FindAsync(string project, string idOrName, CancellationToken cancellationToken = default)
    {
        var byId = (await _store.Artifacts.GetAsync(idOrName, cancellationToken))?.Value;
        return byId?.Project == project ? byId : await _store.NewestArtifactAsync(project, idOrName, cancellationToken);
    }

    /// <summary>A file name for the exported artifact: its name with the format's extension.</summary>
    public string FileNameFor(ArtifactRecord artifact, string format) => artifact.Name + ExporterFor(artifact, format).FileExtension;

    /// <summary>Writes <paramref name="artifact"/> in <paramref name="format"/> to <paramref name="output"/>.</summary>
    /// <exception cref="DeepForgeException">The format is unknown, does not fit the artifact's type, its data is missing, or the exporter refused it.</exception>
    public async Task ExportAsync(ArtifactRecord artifact, string format, Stream output, CancellationToken cancellationToken = default)
    {
        var exporter = ExporterFor(artifact, format);
        if (!await _blobs.ExistsAsync(artifact.Hash, cancellationToken))
            throw new DeepForgeException($"artifact '{artifact.Name}'", $"artifact '{artifact.Name}' has lost its data: blob {artifact.Hash} is missing from the blob store");
        await using var data = await _blobs.OpenReadAsync(artifact.Hash, cancellationToken);
        await exporter.ExportAsync(data, output, cancellationToken);
    }

    private IArtifactExporter ExporterFor(ArtifactRecord artifact, string format)
    {
        var where = $"artifact '{artifact.Name}'";
        var named = _exporters.Where(e => string.Equals(e.Format, format, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            var known = Formats.Count == 0 ? "none is installed (models need DeepForge.Torch)" : $"known formats: {string.Join(", ", Formats)}";
            throw new DeepForgeException("format", $"'{format}' is not an export format; {known}");
        }
        if (named.FirstOrDefault(e => e.Accepts(artifact.DataType)) is { } exporter) return exporter;
        var fits = FormatsFor(artifact);
        var instead = fits.Count == 0 ? "no format exports it" : $"it exports as {string.Join(", ", fits)}";
        throw new DeepForgeException(where, $"{where} is a {artifact.DataType.Split('.')[^1]}, which cannot be exported as {format}; {instead}");
    }
}
