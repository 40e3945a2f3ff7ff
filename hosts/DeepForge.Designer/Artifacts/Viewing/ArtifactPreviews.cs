using System.Text;
using System.Text.Json;
using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Torch.Data;
using TorchSharp;

namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>
/// Reads an artifact for the viewer with its data type's stored serializer, as operations read their inputs. Blobs above
/// <see cref="SizeLimit"/> are never loaded: a server must not pull a dataset into memory because someone clicked on it.
/// Files (<see cref="DataFile"/>) are shown when they are PNG images or text.
/// </summary>
internal sealed class ArtifactPreviews(ArtifactService artifacts, IBlobStore blobs)
{
    /// <summary>The largest artifact the viewer reads, in bytes.</summary>
    public const long SizeLimit = 4 * 1024 * 1024;

    private const int TextLimit = 100_000;
    private static readonly byte[] PngSignature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly string FileType = DataTypeNames.Of(typeof(DataFile));
    private static readonly string TensorType = DataTypeNames.Of(typeof(torch.Tensor));

    public async Task<ArtifactPreview> ReadAsync(ArtifactRecord artifact, CancellationToken cancellationToken)
    {
        if (artifact.Size > SizeLimit)
            return new NotShownPreview($"At {ArtifactFormat.Size(artifact.Size)} it is larger than the viewer reads ({ArtifactFormat.Size(SizeLimit)}): download it to look at it.");
        try
        {
            return artifact.DataType == FileType ? await FileAsync(artifact, cancellationToken) : await ValueAsync(artifact, cancellationToken);
        }
        catch (Exception e) when (e is DeepForgeException or InvalidDataException or JsonException or IOException or NotSupportedException)
        {
            return new NotShownPreview($"It could not be read as {ArtifactFormat.TypeName(artifact.DataType)}: {Message(e)}");
        }
    }

    private async Task<ArtifactPreview> ValueAsync(ArtifactRecord artifact, CancellationToken cancellationToken)
    {
        var value = artifact.DataType == TensorType ? await TensorAsync(artifact, cancellationToken) : await artifacts.ReadAsync<object>(artifact, cancellationToken);
        try
        {
            return value switch
            {
                torch.Tensor tensor => TensorPreviews.Of(tensor),
                // Models and datasets hold native memory and have nothing a table could show.
                IDisposable => new NotShownPreview($"A {ArtifactFormat.TypeName(artifact.DataType)} has no view here: download it (or export it, for a model)."),
                _ => ValuePreviews.Of(value),
            };
        }
        finally { (value as IDisposable)?.Dispose(); }
    }

    // A project's catalog knows a type by name only when one of its operations has a port of it: a tensor saved by a
    // command or by code since changed would not be found, so tensors are read with their serializer directly.
    private async Task<object> TensorAsync(ArtifactRecord artifact, CancellationToken cancellationToken)
    {
        await using var stream = await blobs.OpenReadAsync(artifact.Hash, cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return new TensorSerializer().Deserialize(copy);
    }

    private async Task<ArtifactPreview> FileAsync(ArtifactRecord artifact, CancellationToken cancellationToken)
    {
        byte[] bytes;
        await using (var stream = await blobs.OpenReadAsync(artifact.Hash, cancellationToken))
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, cancellationToken);
            bytes = copy.ToArray();
        }
        if (bytes.AsSpan().StartsWith(PngSignature)) return new ImagePreview(bytes);
        if (Text(bytes) is { } text) return new TextPreview(text.Length > TextLimit ? text[..TextLimit] + "\n…" : text);
        return new NotShownPreview($"A file of {ArtifactFormat.Size(bytes.Length)} that is neither a PNG image nor text: download it to look at it.");
    }

    private static string? Text(byte[] bytes)
    {
        if (bytes.Contains((byte)0)) return null;
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException) { return null; }
    }

    private static string Message(Exception e) => e is DeepForgeException ? e.Message : e.Message.Split('\n')[0];
}
